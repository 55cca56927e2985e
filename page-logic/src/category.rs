//! How a category's icon is shown. The emoji is decoration the API sends,
//! of any length: one wider than an icon (two emoji) is not one, so the
//! neutral marker stands in and the text sent is kept for a title. The
//! event page, the feed's cards and filters and the server's first paint all
//! draw it from here.

use eventdesk_model::text::non_blank;
use eventdesk_model::Category;

use crate::text::width;

/// The marker of a category without a usable emoji.
pub const NEUTRAL_ICON: &str = "📰";

/// The widest icon shown, in columns: two emoji.
const ICON_COLUMNS: usize = 4;

/// A category's icon as drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CategoryIcon<'a> {
    /// What the badge shows.
    pub glyph: &'a str,
    /// The emoji the API sent, when it was too long to show.
    pub title: Option<&'a str>,
}

/// The category's emoji when it is icon-sized, else the neutral marker.
pub fn category_icon(category: &Category) -> CategoryIcon<'_> {
    match category.emoji.as_deref().and_then(non_blank) {
        Some(sent) if width(sent) <= ICON_COLUMNS => CategoryIcon {
            glyph: sent,
            title: None,
        },
        sent => CategoryIcon {
            glyph: NEUTRAL_ICON,
            title: sent,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn category(emoji: Option<&str>) -> Category {
        Category {
            id: "diplomatic".into(),
            label: "Diplomatic".into(),
            emoji: emoji.map(Into::into),
            description: None,
        }
    }

    fn shown(emoji: Option<&str>) -> (String, Option<String>) {
        let category = category(emoji);
        let icon = category_icon(&category);
        (icon.glyph.to_owned(), icon.title.map(str::to_owned))
    }

    #[test]
    fn icons_are_icon_sized() {
        let icon = |glyph: &str| (glyph.to_owned(), None);
        assert_eq!(shown(Some("🤝")), icon("🤝"));
        assert_eq!(shown(Some(" 🇺🇦🤝 ")), icon("🇺🇦🤝"));
        assert_eq!(shown(Some("👨‍👩‍👧‍👦")), icon("👨‍👩‍👧‍👦"));
        assert_eq!(shown(Some("<i>")), icon("<i>"));
        for blank in [None, Some(""), Some("  ")] {
            assert_eq!(shown(blank), icon(NEUTRAL_ICON));
        }
        let long = "🤝".repeat(200);
        assert_eq!(
            shown(Some(&long)),
            (NEUTRAL_ICON.to_owned(), Some(long.clone()))
        );
        assert_eq!(shown(Some("🤝🤝🤝")).1.as_deref(), Some("🤝🤝🤝"));
    }
}
