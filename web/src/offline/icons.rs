//! The manifest's icons: the site mark (`site_files::mark`) at the sizes
//! browsers ask for, and a maskable one for launchers that cut icons to
//! their own shape.

use std::sync::OnceLock;

use crate::site_files::mark;

/// One icon of the manifest.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Icon {
    pub size: u32,
    pub maskable: bool,
}

/// Every icon the manifest lists: 192 px (the home screen), 512 px (the
/// splash screen and install dialogs), and 512 px maskable.
pub const ALL: [Icon; 3] = [
    Icon {
        size: 192,
        maskable: false,
    },
    Icon {
        size: 512,
        maskable: false,
    },
    Icon {
        size: 512,
        maskable: true,
    },
];

impl Icon {
    /// Its file name under `/icons/`.
    pub fn file_name(self) -> String {
        let kind = if self.maskable { "maskable" } else { "icon" };
        format!("{kind}-{}.png", self.size)
    }

    /// Its address.
    pub fn path(self) -> String {
        format!("/icons/{}", self.file_name())
    }

    /// The icon a file name under `/icons/` names, if the manifest lists it.
    pub fn named(file: &str) -> Option<Icon> {
        ALL.into_iter().find(|icon| icon.file_name() == file)
    }

    /// Its PNG, drawn once.
    pub fn png(self) -> &'static [u8] {
        static DRAWN: [OnceLock<Vec<u8>>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
        let index = ALL.iter().position(|i| *i == self).unwrap_or(0);
        DRAWN[index].get_or_init(|| mark::mark_png(self.size, self.maskable))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_icon_has_its_own_name() {
        for icon in ALL {
            assert_eq!(Icon::named(&icon.file_name()), Some(icon));
        }
        assert_eq!(Icon::named("icon-48.png"), None);
        assert_eq!(Icon::named("../icon-192.png"), None);
    }
}
