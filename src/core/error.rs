//! Why content could not be shown. Typed, because the reader's message depends on which it was.

/// What went wrong loading a piece of content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// The browser reports no network connection.
    Offline,
    /// The request did not complete (connection refused or dropped, DNS, CORS).
    Network(String),
    /// The server answered 404: the content does not exist.
    NotFound,
    /// Any other non-success HTTP status.
    Http(u16),
    /// The server answered, but not with JSON (e.g. an HTML error page).
    NotJson,
    /// The server labelled the answer as something other than JSON (its Content-Type).
    ContentType(String),
    /// The server declared a character encoding the browser cannot read (its Content-Type charset).
    Charset(String),
    /// The reader gave up waiting.
    Aborted,
    /// JSON that is cut off or malformed.
    Syntax(String),
    /// Valid JSON that does not fit the content format.
    Decode(DecodeError),
}

/// A decode failure with the path of the offending field, e.g. `body[3].text` or `headline`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    pub path: String,
    pub problem: Problem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Missing,
    WrongType,
    Invalid(String),
}

impl DecodeError {
    /// The same error seen from an enclosing value: `text` inside `body[3]` is `body[3].text`.
    pub fn within(mut self, outer: &str) -> DecodeError {
        self.path = match self.path.as_str() {
            "." | "" => outer.to_owned(),
            inner if inner.starts_with('[') => format!("{outer}{inner}"),
            inner => format!("{outer}.{inner}"),
        };
        self
    }

    /// German, for readers: "das Feld 'headline' fehlt".
    pub fn german(&self) -> String {
        let field = &self.path;
        match &self.problem {
            Problem::Missing => format!("das Feld '{field}' fehlt"),
            Problem::WrongType => format!("das Feld '{field}' hat den falschen Typ"),
            Problem::Invalid(_) => format!("das Feld '{field}' hat einen ungültigen Wert"),
        }
    }
}

impl LoadError {
    /// A headline-length German message for the failure view.
    pub fn title(&self) -> &'static str {
        match self {
            LoadError::NotFound => "Seite nicht gefunden",
            LoadError::Offline => "Keine Internetverbindung",
            LoadError::Network(_) => "Der Server antwortet nicht",
            _ => "Das hat leider nicht geklappt",
        }
    }

    /// What went wrong, in plain German. `what` names the content ("Der Beitrag", "Die Nachrichtenliste").
    pub fn explain(&self, what: &str) -> String {
        match self {
            LoadError::Offline => format!(
                "{what} konnte nicht geladen werden: dafür ist eine Internetverbindung nötig, und auf diesem Gerät ist keine Fassung gespeichert. Prüfen Sie die Verbindung und versuchen Sie es erneut."
            ),
            LoadError::Network(_) => format!(
                "{what} konnte nicht geladen werden: der Server ist nicht erreichbar oder die Verbindung wurde unterbrochen."
            ),
            LoadError::NotFound => format!("{what} wurde nicht gefunden. Vielleicht ist der Link veraltet."),
            LoadError::Http(status) if *status >= 500 => format!(
                "{what} konnte nicht geladen werden: der Server hat einen Fehler gemeldet (HTTP {status}). Bitte versuchen Sie es gleich noch einmal."
            ),
            LoadError::Http(status) => {
                format!("{what} konnte nicht geladen werden: der Server hat die Anfrage abgelehnt (HTTP {status}).")
            }
            LoadError::NotJson => format!(
                "{what} konnte nicht gelesen werden: der Server hat keine Nachrichtendaten geliefert, sondern eine andere Seite."
            ),
            LoadError::ContentType(t) => format!(
                "{what} konnte nicht gelesen werden: der Server hat die Daten als „{t}“ statt als JSON geliefert."
            ),
            LoadError::Charset(c) => format!(
                "{what} konnte nicht gelesen werden: der Server hat die Daten in der unbekannten Zeichenkodierung „{c}“ geliefert."
            ),
            LoadError::Aborted => format!("Das Laden wurde abgebrochen. {what} kann jederzeit erneut geladen werden."),
            LoadError::Syntax(_) => {
                format!("{what} konnte nicht gelesen werden: die Daten sind unvollständig oder beschädigt.")
            }
            LoadError::Decode(e) => format!("{what} konnte nicht gelesen werden: {}.", e.german()),
        }
    }

    /// Whether trying again can help (it cannot for content that does not exist).
    pub fn retryable(&self) -> bool {
        !matches!(self, LoadError::NotFound)
    }
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Offline => write!(f, "offline"),
            LoadError::Network(e) => write!(f, "network error: {e}"),
            LoadError::NotFound => write!(f, "HTTP 404"),
            LoadError::Http(s) => write!(f, "HTTP {s}"),
            LoadError::NotJson => write!(f, "response is not JSON"),
            LoadError::ContentType(t) => write!(f, "content type {t}"),
            LoadError::Charset(c) => write!(f, "unknown charset {c}"),
            LoadError::Aborted => write!(f, "aborted by the reader"),
            LoadError::Syntax(e) => write!(f, "invalid JSON: {e}"),
            LoadError::Decode(e) => write!(f, "decode error at {}: {}", e.path, e.problem),
        }
    }
}

impl std::error::Error for LoadError {}

/// Written out by hand, not derived: the release wasm has no `Debug` formatting (decision 11).
impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Problem::Missing => f.write_str("Missing"),
            Problem::WrongType => f.write_str("WrongType"),
            Problem::Invalid(why) => write!(f, "Invalid(\"{why}\")"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_error_names_the_field_in_german() {
        let e = LoadError::Decode(DecodeError { path: "headline".into(), problem: Problem::Missing });
        assert_eq!(e.explain("Der Beitrag"), "Der Beitrag konnte nicht gelesen werden: das Feld 'headline' fehlt.");
    }

    #[test]
    fn each_failure_has_its_own_message() {
        let all = [
            LoadError::Offline,
            LoadError::Network("x".into()),
            LoadError::NotFound,
            LoadError::Http(500),
            LoadError::Http(403),
            LoadError::NotJson,
            LoadError::ContentType("text/html".into()),
            LoadError::Aborted,
            LoadError::Syntax("eof".into()),
        ];
        let messages: std::collections::HashSet<_> = all.iter().map(|e| e.explain("X")).collect();
        assert_eq!(messages.len(), all.len());
        assert!(LoadError::Http(503).explain("X").contains("HTTP 503"));
        assert!(!LoadError::NotFound.retryable());
        assert!(LoadError::Http(503).retryable());
    }
}
