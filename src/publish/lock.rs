//! One run at a time per site: two runs writing one DIST_DIR would mix their files, and the one
//! that finished last would win even if it read older content. A second run waits for the first
//! (then reads the content as it is by then), up to a bound, and then refuses clearly.

use std::fs::{File, TryLockError};
use std::path::Path;
use std::time::{Duration, Instant};

/// Held while the run lives; the operating system releases it when the process ends, however.
pub struct Lock {
    _file: File,
}

impl Lock {
    pub fn take(dist: &Path, wait: Duration) -> Result<Lock, String> {
        let dir = dist.join(super::output::STATE);
        let path = dir.join("lock");
        let file = std::fs::create_dir_all(&dir)
            .and_then(|_| std::fs::OpenOptions::new().create(true).truncate(false).write(true).open(&path))
            .map_err(|e| format!("{}: die Sperrdatei lässt sich nicht anlegen ({e})", path.display()))?;
        let start = Instant::now();
        let mut told = false;
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(Lock { _file: file }),
                Err(TryLockError::WouldBlock) if start.elapsed() < wait => {
                    if !told {
                        eprintln!("Ein anderer Lauf veröffentlicht gerade in {}; dieser wartet darauf.", dist.display());
                        told = true;
                    }
                    std::thread::sleep(Duration::from_millis(200));
                }
                Err(TryLockError::WouldBlock) => {
                    return Err(format!(
                        "ein anderer Lauf veröffentlicht seit über {} s in {}; dieser hat nichts geändert. Später erneut starten.",
                        wait.as_secs(),
                        dist.display()
                    ))
                }
                Err(TryLockError::Error(e)) => return Err(format!("{}: Sperre nicht möglich ({e})", path.display())),
            }
        }
    }
}
