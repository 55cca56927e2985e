//! `favicon.ico`: the site mark ([`super::mark`]) at 16, 32 and 48 px, each
//! a PNG image inside one ICO container (PNG images in an ICO are read by
//! every browser since Windows Vista's format change). The container is a
//! 6-byte header and a 16-byte directory entry per image, little-endian.

use std::sync::OnceLock;

use super::mark::mark_png;

/// The sizes browsers pick from: tabs (16), taskbars and high-density tabs
/// (32), Windows' site tiles (48).
pub const FAVICON_SIZES: [u32; 3] = [16, 32, 48];

/// The favicon, drawn once per process.
pub fn favicon_ico() -> &'static [u8] {
    static ICO: OnceLock<Vec<u8>> = OnceLock::new();
    ICO.get_or_init(|| {
        let images: Vec<(u32, Vec<u8>)> = FAVICON_SIZES
            .iter()
            .map(|&size| (size, mark_png(size, false)))
            .collect();
        ico(&images)
    })
}

/// An ICO file holding `images`, each `(side in px, PNG bytes)`. Sides of
/// 256 and more are written as 0, which the format reads as 256.
pub fn ico(images: &[(u32, Vec<u8>)]) -> Vec<u8> {
    const HEADER: usize = 6;
    const ENTRY: usize = 16;
    let count = u16::try_from(images.len()).unwrap_or(u16::MAX);
    let images = &images[..usize::from(count)];
    let mut out = Vec::with_capacity(
        HEADER + ENTRY * images.len() + images.iter().map(|(_, png)| png.len()).sum::<usize>(),
    );
    out.extend_from_slice(&0u16.to_le_bytes()); // reserved
    out.extend_from_slice(&1u16.to_le_bytes()); // 1: an icon (2 would be a cursor)
    out.extend_from_slice(&count.to_le_bytes());
    let mut offset = HEADER + ENTRY * images.len();
    for (side, png) in images {
        let side = u8::try_from(*side).unwrap_or(0);
        out.extend_from_slice(&[side, side, 0, 0]); // width, height, no palette, reserved
        out.extend_from_slice(&1u16.to_le_bytes()); // colour planes
        out.extend_from_slice(&32u16.to_le_bytes()); // bits per pixel
        out.extend_from_slice(&u32::try_from(png.len()).unwrap_or(u32::MAX).to_le_bytes());
        out.extend_from_slice(&u32::try_from(offset).unwrap_or(u32::MAX).to_le_bytes());
        offset += png.len();
    }
    for (_, png) in images {
        out.extend_from_slice(png);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u16_at(b: &[u8], at: usize) -> u16 {
        u16::from_le_bytes([b[at], b[at + 1]])
    }
    fn u32_at(b: &[u8], at: usize) -> usize {
        u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]]) as usize
    }

    #[test]
    fn the_container_points_at_each_image() {
        let images = vec![(16, vec![1, 2, 3]), (256, vec![4, 5])];
        let file = ico(&images);
        assert_eq!(&file[..6], &[0, 0, 1, 0, 2, 0]);
        // The first entry: 16×16, 3 bytes at 6 + 2×16.
        assert_eq!(&file[6..8], &[16, 16]);
        assert_eq!(u16_at(&file, 10), 1);
        assert_eq!(u16_at(&file, 12), 32);
        assert_eq!((u32_at(&file, 14), u32_at(&file, 18)), (3, 38));
        // 256 is written as 0; its 2 bytes follow the first image's.
        assert_eq!(&file[22..24], &[0, 0]);
        assert_eq!((u32_at(&file, 30), u32_at(&file, 34)), (2, 41));
        assert_eq!(&file[38..], &[1, 2, 3, 4, 5]);
    }

    #[test]
    fn the_favicon_holds_the_mark_at_16_32_and_48() {
        let file = favicon_ico();
        assert_eq!(u16_at(file, 4), 3);
        for (i, size) in FAVICON_SIZES.iter().enumerate() {
            let entry = 6 + 16 * i;
            assert_eq!(u32::from(file[entry]), *size);
            let (len, at) = (u32_at(file, entry + 8), u32_at(file, entry + 12));
            assert_eq!(&file[at..at + len], mark_png(*size, false).as_slice());
        }
    }
}
