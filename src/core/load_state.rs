//! Where a piece of content is on its way to the reader. One type for every view, so loading,
//! ready and failed are named states rather than nested `Option`s.

use super::error::LoadError;

#[derive(Debug, Clone, PartialEq)]
pub enum LoadState<T> {
    Loading,
    Ready(T),
    Failed(LoadError),
}

impl<T> LoadState<T> {
    pub fn ready(&self) -> Option<&T> {
        match self {
            LoadState::Ready(value) => Some(value),
            _ => None,
        }
    }

    pub fn error(&self) -> Option<&LoadError> {
        match self {
            LoadState::Failed(error) => Some(error),
            _ => None,
        }
    }

    pub fn is_loading(&self) -> bool {
        matches!(self, LoadState::Loading)
    }

    /// The same state with the value transformed (e.g. to `()` for "which state" alone).
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> LoadState<U> {
        match self {
            LoadState::Loading => LoadState::Loading,
            LoadState::Ready(value) => LoadState::Ready(f(value)),
            LoadState::Failed(error) => LoadState::Failed(error),
        }
    }
}

impl<T> From<Result<T, LoadError>> for LoadState<T> {
    fn from(outcome: Result<T, LoadError>) -> Self {
        match outcome {
            Ok(value) => LoadState::Ready(value),
            Err(error) => LoadState::Failed(error),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_answer_for_themselves() {
        let ready: LoadState<u8> = Ok(3).into();
        assert_eq!(ready.ready(), Some(&3));
        assert_eq!(ready.clone().map(|n| n * 2), LoadState::Ready(6));
        let failed: LoadState<u8> = Err(LoadError::NotFound).into();
        assert_eq!(failed.error(), Some(&LoadError::NotFound));
        assert!(failed.ready().is_none() && !failed.is_loading());
        assert!(LoadState::<u8>::Loading.is_loading());
    }
}
