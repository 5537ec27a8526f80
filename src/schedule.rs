//! Scheduling long work on the main thread: slices of about 10 ms with a yield to the browser
//! between them, so a large index never freezes typing, scrolling or the host page.

/// Index entries decoded (or prepared for search) in one step; steps go on until the slice's
/// time is used up.
const STEP: usize = 100;

/// Runs long work to its end in slices: `step(n)` does up to `n` items and says whether the work
/// is done (or why it stopped: its error ends the run). Between slices the browser handles input
/// and paints. The one loop of every sliced job (decoding an index, building the catalog, the
/// widget's choice).
pub async fn in_slices<E>(mut step: impl FnMut(usize) -> Result<bool, E>) -> Result<(), E> {
    let mut slice = Slice::start();
    while !step(STEP)? {
        slice.pause_when_used_up().await;
    }
    Ok(())
}

/// A slice of main-thread time for long work: about 10 ms of work between two yields to the
/// browser, so scrolling and typing stay responsive on a slow phone, and a fast machine does
/// not wait on needless yields.
struct Slice(f64);

impl Slice {
    const BUDGET_MS: f64 = 10.0;

    fn start() -> Slice {
        Slice(js_sys::Date::now())
    }

    /// Yields to the browser if this slice has used its time, then starts the next.
    async fn pause_when_used_up(&mut self) {
        if js_sys::Date::now() - self.0 >= Self::BUDGET_MS {
            yield_to_browser().await;
            self.0 = js_sys::Date::now();
        }
    }
}

/// Lets the browser handle input and paint before the next slice of work.
pub async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
