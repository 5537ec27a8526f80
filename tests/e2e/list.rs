//! The newsroom list at `/`.

use crate::pages::ListView;
use crate::support::*;

#[test]
fn list_shows_each_entry_with_date_kicker_lead_and_image_credit() {
    with_browser(|c| async move {
        let list = ListView::open(&c, "/").await;
        assert_eq!(find_all(&c, "h1").await.len(), 1);
        let first = text(&c, ".teasers > li:first-child").await;
        for part in ["Fr 19. Dezember 2025", "Zwischen Weihnachten und Neujahr", "Bild: Stadt Dortmund / Markus Mielek"]
        {
            assert!(first.contains(part), "first entry lacks {part:?}: {first}");
        }
        let img = find(&c, ".teasers > li:first-child img").await;
        assert_eq!(
            attr(&img, "alt").await.as_deref(),
            Some("Zwei Personen sitzen auf dem Sofa und schauen auf ein Tablet")
        );
        assert_eq!(attr(&img, "width").await.as_deref(), Some("1200"));
        // Every entry has a date and a link to its article.
        assert_eq!(find_all(&c, ".teasers > li time").await.len(), 15);
        assert_eq!(find_all(&c, ".teasers > li a[href^='/nachrichten/']").await.len(), 15);
        list.wait_status("16 Nachrichten").await;
    });
}
