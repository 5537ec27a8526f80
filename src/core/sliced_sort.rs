//! A sort that can be done a slice at a time: a bottom-up merge sort whose work is split into
//! steps, so that ordering 100,000 tags never blocks the page in one go (in WebKit a single
//! `sort` of them took over 100 ms). Stable.

use std::cmp::Ordering;

/// Runs of this many elements are sorted in one piece first, then merged pairwise.
const RUN: usize = 1024;

pub struct SlicedSort {
    order: Vec<u32>,
    buffer: Vec<u32>,
    /// Length of the sorted runs being merged (`RUN` while the first runs are made: `sorting`).
    width: usize,
    /// Where the current pass goes on.
    pos: usize,
    sorting: bool,
}

impl SlicedSort {
    /// Sorts the positions `0..n`.
    pub fn new(n: usize) -> SlicedSort {
        SlicedSort { order: (0..n as u32).collect(), buffer: Vec::new(), width: RUN, pos: 0, sorting: true }
    }

    /// Does about `budget` elements' worth of work (at least one run or one merge); `true` when
    /// the positions are in order.
    pub fn step(&mut self, mut budget: usize, cmp: impl Fn(u32, u32) -> Ordering) -> bool {
        let n = self.order.len();
        loop {
            if self.sorting {
                if self.pos >= n {
                    self.sorting = false;
                    self.pos = 0;
                    self.buffer = vec![0; n];
                    continue;
                }
                let end = (self.pos + RUN).min(n);
                // Positions start in order, so ties broken by position keep the sort stable.
                sort_positions(&mut self.order[self.pos..end], &|a, b| cmp(a, b).then(a.cmp(&b)));
                budget = budget.saturating_sub(end - self.pos);
                self.pos = end;
            } else {
                if self.width >= n {
                    return true;
                }
                if self.pos >= n {
                    std::mem::swap(&mut self.order, &mut self.buffer);
                    self.width *= 2;
                    self.pos = 0;
                    continue;
                }
                let (lo, mid, hi) = (self.pos, (self.pos + self.width).min(n), (self.pos + 2 * self.width).min(n));
                merge(&self.order[lo..mid], &self.order[mid..hi], &mut self.buffer[lo..hi], &cmp);
                budget = budget.saturating_sub(hi - lo);
                self.pos = hi;
            }
            if budget == 0 {
                return false;
            }
        }
    }

    /// The sorted positions (after `step` returned `true`), taken out.
    pub fn take_order(&mut self) -> Vec<u32> {
        std::mem::take(&mut self.order)
    }
}

/// Sorts positions by `cmp` (stable). Behind `dyn`: every caller shares one compiled sort, where
/// each closure type would otherwise get its own copy in the wasm. A bottom-up merge sort over
/// insertion-sorted runs of 16, through `merge`: a few hundred bytes of wasm, where the standard
/// library's sort is several KiB (about 1.8 KiB brotli of the first view, measured 2026-11-27).
pub fn sort_positions(positions: &mut [u32], cmp: &dyn Fn(u32, u32) -> Ordering) {
    const SMALL: usize = 16;
    let n = positions.len();
    for chunk in positions.chunks_mut(SMALL) {
        for i in 1..chunk.len() {
            let mut j = i;
            while j > 0 && cmp(chunk[j - 1], chunk[j]) == Ordering::Greater {
                chunk.swap(j - 1, j);
                j -= 1;
            }
        }
    }
    let mut scratch = vec![0u32; n];
    let mut width = SMALL;
    while width < n {
        for start in (0..n).step_by(2 * width) {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            merge(&positions[start..mid], &positions[mid..end], &mut scratch[start..end], &cmp);
        }
        positions.copy_from_slice(&scratch);
        width *= 2;
    }
}

/// `items` sorted by `cmp`, stable (equal items keep their order), through the shared sort.
pub fn stable_sorted<T: Clone>(items: Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) -> Vec<T> {
    let mut order: Vec<u32> = (0..items.len() as u32).collect();
    sort_positions(&mut order, &|a, b| cmp(&items[a as usize], &items[b as usize]).then(a.cmp(&b)));
    order.iter().map(|&i| items[i as usize].clone()).collect()
}

fn merge(left: &[u32], right: &[u32], out: &mut [u32], cmp: &impl Fn(u32, u32) -> Ordering) {
    let (mut i, mut j) = (0, 0);
    for slot in out.iter_mut() {
        // Stable: on equal keys the left run's element comes first.
        let take_left = j == right.len() || (i < left.len() && cmp(left[i], right[j]) != Ordering::Greater);
        *slot = if take_left {
            i += 1;
            left[i - 1]
        } else {
            j += 1;
            right[j - 1]
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shared_sort_is_a_stable_sort() {
        for n in [0usize, 1, 2, 15, 16, 17, 33, 1000, 4097] {
            let keys: Vec<u32> = (0..n as u32).map(|i| i.wrapping_mul(2_654_435_761) % 13).collect();
            let mut want: Vec<u32> = (0..n as u32).collect();
            want.sort_by_key(|&i| keys[i as usize]);
            let mut got: Vec<u32> = (0..n as u32).collect();
            sort_positions(&mut got, &|a, b| keys[a as usize].cmp(&keys[b as usize]));
            assert_eq!(got, want, "n {n}");
        }
    }

    #[test]
    fn sorts_like_a_stable_sort_whatever_the_step_size() {
        for n in [0usize, 1, 5, 1023, 1024, 1025, 3000, 10_000] {
            // Keys with many ties, so stability shows.
            let keys: Vec<u32> = (0..n as u32).map(|i| i.wrapping_mul(2_654_435_761) % 97).collect();
            let mut want: Vec<u32> = (0..n as u32).collect();
            want.sort_by_key(|&i| keys[i as usize]);
            for budget in [1, 100, usize::MAX] {
                let mut sort = SlicedSort::new(n);
                let mut steps = 0;
                while !sort.step(budget, |a, b| keys[a as usize].cmp(&keys[b as usize])) {
                    steps += 1;
                }
                assert_eq!(sort.take_order(), want, "n {n}, budget {budget}");
                if budget == 1 && n > 2 * RUN {
                    assert!(steps > 3, "the work was split ({steps} steps)");
                }
            }
        }
    }
}
