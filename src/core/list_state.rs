//! What the news list shows, decided from what is known (plain data, tested natively): how many
//! entries, whether the count is final, the status line, the "nothing found" way out and the
//! paging button. The list's view (app/routes/list.rs) only reads these.

use super::catalog::{result_summary, shown, Query};

/// What is known about the list at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ListFacts {
    /// Entries matching: the full-text search's total, or the loaded news' matches.
    pub count: usize,
    /// A full-text search is asked (and answered, or being answered).
    pub searching: bool,
    /// The full-text search has not answered the current question yet.
    pub waiting: bool,
    /// The full-text search has searched every part of the index.
    pub complete: bool,
    /// Older index pages can still be loaded.
    pub older_pages: bool,
    /// How many pages of the list the reader has come (`?seite=`).
    pub pages: usize,
}

impl ListFacts {
    /// Entries shown: the pages the reader has come, at most all.
    pub fn visible(&self) -> usize {
        shown(self.pages, self.count)
    }

    /// Today's search covers only the loaded news (older pages exist and no full-text search
    /// answers for the whole archive).
    pub fn partial(&self) -> bool {
        self.older_pages && !self.searching
    }

    /// The full-text search has answered in part: older parts are still being searched.
    pub fn incomplete(&self) -> bool {
        self.searching && !self.waiting && !self.complete
    }

    /// The status line ("16 Nachrichten", "Suche läuft …", "… unter den bisher geladenen").
    pub fn status(&self, query: &Query) -> String {
        if self.waiting {
            return "Suche läuft …".to_owned();
        }
        let summary = result_summary(self.count, query);
        if self.partial() {
            format!("{summary} unter den bisher geladenen")
        } else if self.incomplete() {
            format!("{summary} – ältere werden noch durchsucht …")
        } else {
            summary
        }
    }

    /// Nothing matches a filter or search, for certain (the search has answered, and searched
    /// everything): the list offers the way out.
    pub fn nothing_found(&self, query: &Query) -> bool {
        self.count == 0 && !query.is_empty() && !self.waiting && !self.incomplete()
    }

    /// "Mehr Nachrichten": more entries than are shown, or older pages to load.
    pub fn more(&self) -> bool {
        self.visible() < self.count || self.partial()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::catalog::PAGE_SIZE;

    fn text(t: &str) -> Query {
        Query::new(Vec::new(), t.to_owned())
    }

    #[test]
    fn the_first_page_of_a_long_list_offers_more() {
        let facts = ListFacts { count: 100, pages: 1, ..ListFacts::default() };
        assert_eq!(facts.visible(), PAGE_SIZE);
        assert!(facts.more());
        assert_eq!(facts.status(&Query::default()), "100 Nachrichten");
        let all = ListFacts { pages: 100, ..facts };
        assert_eq!(all.visible(), 100);
        assert!(!all.more());
    }

    #[test]
    fn a_search_not_yet_answered_says_so_and_never_nothing_found() {
        let facts = ListFacts { searching: true, waiting: true, pages: 1, ..ListFacts::default() };
        assert_eq!(facts.status(&text("Markt")), "Suche läuft …");
        // The count is not known yet: zero is not "nothing found", while waiting or while older
        // parts are still searched.
        assert!(!facts.nothing_found(&text("Markt")));
        let answered_in_part = ListFacts { searching: true, waiting: false, complete: false, ..facts };
        assert!(!answered_in_part.nothing_found(&text("Markt")));
        assert_eq!(
            answered_in_part.status(&text("Markt")),
            "Keine Nachrichten mit „Markt“ – ältere werden noch durchsucht …"
        );
        let answered = ListFacts { complete: true, ..answered_in_part };
        assert!(answered.nothing_found(&text("Markt")));
        assert!(!answered.nothing_found(&Query::default()), "the unfiltered list has no way out to offer");
    }

    #[test]
    fn with_older_pages_today_s_search_says_what_it_covered() {
        let facts = ListFacts { count: 3, older_pages: true, pages: 1, ..ListFacts::default() };
        assert!(facts.partial());
        assert!(facts.more(), "older pages can be loaded");
        assert_eq!(
            facts.status(&Query::new(vec!["Rat".into()], String::new())),
            "3 Nachrichten zum Thema Rat unter den bisher geladenen"
        );
        // A full-text search covers the whole archive: not partial.
        let searched = ListFacts { searching: true, complete: true, ..facts };
        assert!(!searched.partial());
        assert_eq!(searched.status(&text("Rat")), "3 Nachrichten mit „Rat“");
    }
}
