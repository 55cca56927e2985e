//! The share card: a 1200×630 PNG that link previews show for an event
//! (`og:image`). It carries what a reader needs before clicking: the category
//! and the day the event happened (first, so that a 2025 event never reads as
//! a story of the day it was updated), the headline, the confidence rating
//! with its number of independent sources, and when it was last updated.
//!
//! Drawn with tiny-skia, lettered with the bundled DejaVu Sans (see
//! `fonts/LICENSE`), so it renders the same on every machine. Text is laid out
//! glyph by glyph with kerning but without shaping: Latin, Greek and Cyrillic
//! read right; scripts that need shaping (Arabic, Indic) or a font of their own
//! (CJK, emoji) fall back to the font's boxes, which is why the category is
//! written as its label, not its emoji.

use ab_glyph::{Font, FontRef, GlyphId, PxScale, ScaleFont};
use eventdesk_model::confidence::sources_phrase;
use eventdesk_model::time::long_day;
use eventdesk_model::{ConfidenceLevel, Event};
use tiny_skia::{Color, FillRule, Paint, PathBuilder, Pixmap, Rect, Transform};

pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

/// Bumped whenever the drawing changes, so cached cards and their ETags renew.
pub const DESIGN_VERSION: &str = "card-3";

static REGULAR_TTF: &[u8] = include_bytes!("fonts/DejaVuSans.ttf");
static BOLD_TTF: &[u8] = include_bytes!("fonts/DejaVuSans-Bold.ttf");

#[derive(Debug, thiserror::Error)]
pub enum CardError {
    #[error("cannot read the bundled font: {0}")]
    Font(#[from] ab_glyph::InvalidFont),
    #[error("cannot allocate the card")]
    Canvas,
    #[error("cannot encode the card: {0}")]
    Encode(String),
}

/// What the card says, in reading order. Plain text, already worded.
#[derive(Debug, Clone, PartialEq)]
pub struct CardText {
    /// "DIPLOMATIC": the category label.
    pub kicker: String,
    /// "4 September 2025": the day it happened, beside the category.
    pub date: Option<String>,
    pub headline: String,
    /// "Likely", with the level it stands for (for its colour).
    pub rating: Option<(ConfidenceLevel, String)>,
    /// "Reported by 3 independent sources".
    pub sources: Option<String>,
    /// "Updated 30 May 2026".
    pub footnote: Option<String>,
}

impl CardText {
    pub fn for_event(event: &Event) -> CardText {
        let updated = event
            .updated_at
            .as_ref()
            .or(event.confidence.assessed_at.as_ref())
            .map(|t| match t.parse() {
                Some(at) => format!("Updated {}", long_day(at.to_utc().date_naive())),
                None => format!("Updated {}", t.as_str().trim()),
            });
        let date = event
            .occurred_on
            .as_ref()
            .map(|d| d.long().trim().to_owned())
            .filter(|d| !d.is_empty());
        CardText {
            kicker: event.category.display_label().to_uppercase(),
            date,
            headline: event.headline().to_owned(),
            rating: Some((
                event.confidence.level.clone(),
                event.confidence.level.label(),
            )),
            sources: Some(sources_phrase(event.confidence.independent_sources)),
            footnote: updated,
        }
    }

    /// The card of pages that are not an event: the site's own.
    pub fn site() -> CardText {
        CardText {
            kicker: "NEWS EVENTS, CORROBORATED".into(),
            date: None,
            headline: "How well is it confirmed? Every event rated by its independent sources."
                .into(),
            rating: None,
            sources: None,
            footnote: Some("Eventdesk: how we assess confidence is public".into()),
        }
    }
}

#[derive(Clone, Copy)]
struct Rgb(u8, u8, u8);

const PAPER: Rgb = Rgb(0xfa, 0xf8, 0xf3);
const INK: Rgb = Rgb(0x1a, 0x1a, 0x1a);
const MUTED: Rgb = Rgb(0x55, 0x55, 0x55);
const RULE: Rgb = Rgb(0xd8, 0xd4, 0xca);
const WHITE: Rgb = Rgb(0xff, 0xff, 0xff);

/// The level's colour: the site's `--conf-*-fg` (style/main.css), so the card
/// and the page agree; white text on each is above 7:1.
fn level_colour(level: &ConfidenceLevel) -> Rgb {
    match level {
        ConfidenceLevel::Verified => Rgb(0x14, 0x53, 0x2d),
        ConfidenceLevel::Likely => Rgb(0x7a, 0x41, 0x00),
        ConfidenceLevel::Unconfirmed => Rgb(0x4a, 0x4d, 0x55),
        ConfidenceLevel::Disputed => Rgb(0x9b, 0x1c, 0x1c),
        ConfidenceLevel::Other(_) => Rgb(0x3b, 0x3f, 0x5c),
    }
}

impl Rgb {
    fn color(self) -> Color {
        Color::from_rgba8(self.0, self.1, self.2, 0xff)
    }
}

/// The card for `text`, as PNG bytes.
pub fn render_png(text: &CardText) -> Result<Vec<u8>, CardError> {
    let pixmap = render(text)?;
    pixmap
        .encode_png()
        .map_err(|e| CardError::Encode(e.to_string()))
}

const MARGIN: f32 = 80.0;
const TEXT_WIDTH: f32 = WIDTH as f32 - 2.0 * MARGIN;

/// What a piece of the card's text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Kicker,
    /// The " · " between the category and the date.
    Separator,
    Date,
    Headline,
    Rating,
    Sources,
    Footnote,
    Mark,
}

/// One run of text as drawn: its words (cut to fit), where its baseline
/// starts, its size and width in pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub part: Part,
    pub text: String,
    pub x: f32,
    pub y: f32,
    pub size: f32,
    pub width: f32,
    bold: bool,
}

const KICKER_SIZE: f32 = 28.0;
const KICKER_BASE: f32 = 112.0;
const RATING_BASE: f32 = 468.0;
const RATING_SIZE: f32 = 34.0;
const PILL_PAD: f32 = 22.0;
const MARK_SIZE: f32 = 36.0;
const MARK_SQUARE: f32 = 28.0;

/// The card's text, placed, in reading order: the category and the day it
/// happened, the headline, the rating and its sources, the footnote and the
/// mark. Everything fits inside the margins.
pub fn layout(text: &CardText) -> Result<Vec<Placed>, CardError> {
    let regular = FontRef::try_from_slice(REGULAR_TTF)?;
    let bold = FontRef::try_from_slice(BOLD_TTF)?;
    let mut out = Vec::new();
    let mut place = |part, font: &FontRef<'_>, is_bold, size, x, y, text: String| {
        let width = line_width(font, size, &text);
        out.push(Placed {
            part,
            text,
            x,
            y,
            size,
            width,
            bold: is_bold,
        });
    };

    // The category, then the day it happened: the day is short and kept
    // whole, the category cut to the room left.
    let date = text
        .date
        .as_deref()
        .map(|d| fit_line(&bold, KICKER_SIZE, d, TEXT_WIDTH / 2.0));
    let separator = " · ";
    let date_room = date.as_deref().map_or(0.0, |d| {
        line_width(&bold, KICKER_SIZE, separator) + line_width(&bold, KICKER_SIZE, d)
    });
    let kicker = fit_line(&bold, KICKER_SIZE, &text.kicker, TEXT_WIDTH - date_room);
    let kicker_w = line_width(&bold, KICKER_SIZE, &kicker);
    place(
        Part::Kicker,
        &bold,
        true,
        KICKER_SIZE,
        MARGIN,
        KICKER_BASE,
        kicker,
    );
    if let Some(date) = date {
        let sep_x = MARGIN + kicker_w;
        let sep_w = line_width(&bold, KICKER_SIZE, separator);
        place(
            Part::Separator,
            &bold,
            true,
            KICKER_SIZE,
            sep_x,
            KICKER_BASE,
            separator.to_owned(),
        );
        place(
            Part::Date,
            &bold,
            true,
            KICKER_SIZE,
            sep_x + sep_w,
            KICKER_BASE,
            date,
        );
    }

    // Headline: as large as lets it fit in three lines, ellipsised beyond.
    let headline = text
        .headline
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let (size, (lines, _)) = [62.0, 56.0, 50.0]
        .iter()
        .map(|&size| (size, wrap(&bold, size, &headline, TEXT_WIDTH, 3)))
        .find(|(_, (_, cut))| !cut)
        .unwrap_or_else(|| (50.0, wrap(&bold, 50.0, &headline, TEXT_WIDTH, 3)));
    let line_height = size * 1.22;
    let mut y = KICKER_BASE + 40.0 + size;
    for line in lines {
        place(Part::Headline, &bold, true, size, MARGIN, y, line);
        y += line_height;
    }

    // The rating's word (in its pill, after its icon), then the sources.
    let mut x = MARGIN;
    if let Some((level, word)) = &text.rating {
        let word = fit_line(&bold, RATING_SIZE, word, 420.0);
        let icon_w = icon_width(&bold, level);
        let w = line_width(&bold, RATING_SIZE, &word);
        place(
            Part::Rating,
            &bold,
            true,
            RATING_SIZE,
            x + PILL_PAD + icon_w,
            RATING_BASE,
            word,
        );
        x += PILL_PAD * 2.0 + icon_w + w + 24.0;
    }
    if let Some(sources) = &text.sources {
        let size = 32.0;
        let room = (WIDTH as f32 - MARGIN - x).max(0.0);
        let line = fit_line(&regular, size, sources, room);
        place(
            Part::Sources,
            &regular,
            false,
            size,
            x,
            RATING_BASE - 2.0,
            line,
        );
    }

    // Footer: the footnote, and the mark at the right.
    let mark = "Eventdesk";
    let mark_x = WIDTH as f32 - MARGIN - line_width(&bold, MARK_SIZE, mark);
    if let Some(note) = &text.footnote {
        let room = mark_x - MARK_SQUARE - 14.0 - MARGIN - 32.0;
        let note = fit_line(&regular, 28.0, note, room);
        place(Part::Footnote, &regular, false, 28.0, MARGIN, 594.0, note);
    }
    place(
        Part::Mark,
        &bold,
        true,
        MARK_SIZE,
        mark_x,
        596.0,
        mark.to_owned(),
    );
    Ok(out)
}

/// The room the level's icon takes in its pill: none when the font lacks it.
fn icon_width(font: &FontRef<'_>, level: &ConfidenceLevel) -> f32 {
    let icon = level.icon();
    if has_glyphs(font, icon) {
        line_width(font, RATING_SIZE, icon) + 12.0
    } else {
        0.0
    }
}

fn render(text: &CardText) -> Result<Pixmap, CardError> {
    let regular = FontRef::try_from_slice(REGULAR_TTF)?;
    let bold = FontRef::try_from_slice(BOLD_TTF)?;
    let placed = layout(text)?;
    let mut canvas = Pixmap::new(WIDTH, HEIGHT).ok_or(CardError::Canvas)?;
    canvas.fill(PAPER.color());

    let accent = text
        .rating
        .as_ref()
        .map_or(INK, |(level, _)| level_colour(level));
    // A band down the left edge in the rating's colour.
    fill_rect(&mut canvas, 0.0, 0.0, 24.0, HEIGHT as f32, accent);

    // The rating's pill: filled, the level's icon then its word.
    if let (Some((level, _)), Some(word)) =
        (&text.rating, placed.iter().find(|p| p.part == Part::Rating))
    {
        let icon_w = icon_width(&bold, level);
        let pill_w = PILL_PAD * 2.0 + icon_w + word.width;
        fill_round_rect(
            &mut canvas,
            MARGIN,
            RATING_BASE - 46.0,
            pill_w,
            62.0,
            31.0,
            accent,
        );
        if icon_w > 0.0 {
            draw_text(
                &mut canvas,
                &bold,
                RATING_SIZE,
                MARGIN + PILL_PAD,
                RATING_BASE,
                level.icon(),
                WHITE,
            );
        }
    }

    // Footer: a rule, and the mark's square.
    fill_rect(&mut canvas, MARGIN, 530.0, TEXT_WIDTH, 2.0, RULE);
    if let Some(mark) = placed.iter().find(|p| p.part == Part::Mark) {
        fill_round_rect(
            &mut canvas,
            mark.x - MARK_SQUARE - 14.0,
            568.0,
            MARK_SQUARE,
            MARK_SQUARE,
            6.0,
            accent,
        );
    }

    for p in &placed {
        let colour = match p.part {
            Part::Kicker => accent,
            Part::Separator | Part::Footnote => MUTED,
            Part::Rating => WHITE,
            Part::Date | Part::Headline | Part::Sources | Part::Mark => INK,
        };
        let font = if p.bold { &bold } else { &regular };
        draw_text(&mut canvas, font, p.size, p.x, p.y, &p.text, colour);
    }
    Ok(canvas)
}

fn fill_rect(canvas: &mut Pixmap, x: f32, y: f32, w: f32, h: f32, colour: Rgb) {
    if let Some(rect) = Rect::from_xywh(x, y, w, h) {
        let mut paint = Paint::default();
        paint.set_color(colour.color());
        canvas.fill_rect(rect, &paint, Transform::identity(), None);
    }
}

fn fill_round_rect(canvas: &mut Pixmap, x: f32, y: f32, w: f32, h: f32, r: f32, colour: Rgb) {
    let r = r.min(w / 2.0).min(h / 2.0);
    // Circular corners from quadratic curves are close enough at this size;
    // cubic with the usual 0.5523 handle is exact enough to the eye.
    let k = 0.5523 * r;
    let mut pb = PathBuilder::new();
    pb.move_to(x + r, y);
    pb.line_to(x + w - r, y);
    pb.cubic_to(x + w - r + k, y, x + w, y + r - k, x + w, y + r);
    pb.line_to(x + w, y + h - r);
    pb.cubic_to(x + w, y + h - r + k, x + w - r + k, y + h, x + w - r, y + h);
    pb.line_to(x + r, y + h);
    pb.cubic_to(x + r - k, y + h, x, y + h - r + k, x, y + h - r);
    pb.line_to(x, y + r);
    pb.cubic_to(x, y + r - k, x + r - k, y, x + r, y);
    pb.close();
    if let Some(path) = pb.finish() {
        let mut paint = Paint::default();
        paint.set_color(colour.color());
        paint.anti_alias = true;
        canvas.fill_path(
            &path,
            &paint,
            FillRule::Winding,
            Transform::identity(),
            None,
        );
    }
}

/// True when the font has a glyph for every character of `s`.
fn has_glyphs(font: &FontRef<'_>, s: &str) -> bool {
    s.chars().all(|c| font.glyph_id(c) != GlyphId(0))
}

/// The advance of `text` at `size` pixels, kerning included.
fn line_width(font: &FontRef<'_>, size: f32, text: &str) -> f32 {
    let scaled = font.as_scaled(PxScale::from(size));
    let mut width = 0.0;
    let mut prev: Option<GlyphId> = None;
    for c in text.chars() {
        let id = scaled.glyph_id(c);
        if let Some(p) = prev {
            width += scaled.kern(p, id);
        }
        width += scaled.h_advance(id);
        prev = Some(id);
    }
    width
}

/// `text` cut with "…" so that it fits in `max` pixels.
fn fit_line(font: &FontRef<'_>, size: f32, text: &str, max: f32) -> String {
    let text = text.trim();
    if line_width(font, size, text) <= max {
        return text.to_owned();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut keep = chars.len();
    while keep > 0 {
        keep -= 1;
        let candidate: String = chars[..keep].iter().collect();
        let candidate = format!("{}…", candidate.trim_end());
        if line_width(font, size, &candidate) <= max {
            return candidate;
        }
    }
    "…".to_owned()
}

/// Greedy word wrap into at most `max_lines` lines of `max` pixels; the last
/// line ends in "…" when text was left over (the flag says so). A word wider
/// than a line is broken between characters.
fn wrap(
    font: &FontRef<'_>,
    size: f32,
    text: &str,
    max: f32,
    max_lines: usize,
) -> (Vec<String>, bool) {
    let mut pieces: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        if line_width(font, size, word) <= max {
            pieces.push(word.to_owned());
            continue;
        }
        let mut part = String::new();
        for c in word.chars() {
            part.push(c);
            if line_width(font, size, &part) > max && part.chars().count() > 1 {
                part.pop();
                pieces.push(std::mem::take(&mut part));
                part.push(c);
            }
        }
        if !part.is_empty() {
            pieces.push(part);
        }
    }
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for piece in pieces {
        let candidate = if current.is_empty() {
            piece.clone()
        } else {
            format!("{current} {piece}")
        };
        if current.is_empty() || line_width(font, size, &candidate) <= max {
            current = candidate;
        } else {
            lines.push(std::mem::replace(&mut current, piece));
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    let cut = lines.len() > max_lines;
    finish_wrap(font, size, lines, cut, max, max_lines)
}

fn finish_wrap(
    font: &FontRef<'_>,
    size: f32,
    mut lines: Vec<String>,
    cut: bool,
    max: f32,
    max_lines: usize,
) -> (Vec<String>, bool) {
    let cut = cut || lines.len() > max_lines;
    lines.truncate(max_lines);
    if cut {
        if let Some(last) = lines.last_mut() {
            let mut base = last.clone();
            *last = loop {
                let candidate = format!("{}…", base.trim_end());
                if base.is_empty() || line_width(font, size, &candidate) <= max {
                    break candidate;
                }
                base.pop();
            };
        }
    }
    (lines, cut)
}

/// Draws `text` with its baseline at `y`, blending coverage into the canvas.
fn draw_text(
    canvas: &mut Pixmap,
    font: &FontRef<'_>,
    size: f32,
    x: f32,
    y: f32,
    text: &str,
    colour: Rgb,
) {
    let scaled = font.as_scaled(PxScale::from(size));
    let (width, height) = (canvas.width() as i32, canvas.height() as i32);
    let pixels = canvas.pixels_mut();
    let mut caret = x;
    let mut prev: Option<GlyphId> = None;
    for c in text.chars() {
        let id = scaled.glyph_id(c);
        if let Some(p) = prev {
            caret += scaled.kern(p, id);
        }
        let glyph = id.with_scale_and_position(PxScale::from(size), ab_glyph::point(caret, y));
        caret += scaled.h_advance(id);
        prev = Some(id);
        let Some(outline) = font.outline_glyph(glyph) else {
            continue;
        };
        let bounds = outline.px_bounds();
        outline.draw(|gx, gy, coverage| {
            let px = bounds.min.x as i32 + gx as i32;
            let py = bounds.min.y as i32 + gy as i32;
            if px < 0 || py < 0 || px >= width || py >= height {
                return;
            }
            let a = coverage.clamp(0.0, 1.0);
            let i = (py * width + px) as usize;
            let dst = pixels[i];
            let mix = |s: u8, d: u8| (f32::from(s) * a + f32::from(d) * (1.0 - a)).round() as u8;
            // The canvas is opaque, so premultiplied and straight colour agree.
            if let Some(p) = tiny_skia::PremultipliedColorU8::from_rgba(
                mix(colour.0, dst.red()),
                mix(colour.1, dst.green()),
                mix(colour.2, dst.blue()),
                0xff,
            ) {
                pixels[i] = p;
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fonts() -> FontRef<'static> {
        FontRef::try_from_slice(BOLD_TTF).unwrap()
    }

    #[test]
    fn long_text_wraps_and_ellipsises() {
        let font = fonts();
        let text = "word ".repeat(200);
        let (lines, cut) = wrap(&font, 50.0, &text, 500.0, 3);
        assert!(cut);
        assert_eq!(lines.len(), 3);
        assert!(lines[2].ends_with('…'));
        for l in &lines {
            assert!(line_width(&font, 50.0, l) <= 500.0, "{l}");
        }
        let (short, cut) = wrap(&font, 50.0, "Two words", 500.0, 3);
        assert_eq!((short, cut), (vec!["Two words".to_owned()], false));
    }

    #[test]
    fn an_unbreakable_word_is_split() {
        let font = fonts();
        let (lines, _) = wrap(&font, 50.0, &"x".repeat(100), 300.0, 3);
        assert_eq!(lines.len(), 3);
        for l in &lines {
            assert!(line_width(&font, 50.0, l) <= 300.0, "{l}");
        }
    }

    #[test]
    fn fit_line_cuts_with_ellipsis() {
        let font = fonts();
        let cut = fit_line(&font, 30.0, &"abc ".repeat(50), 200.0);
        assert!(cut.ends_with('…'));
        assert!(line_width(&font, 30.0, &cut) <= 200.0);
        assert_eq!(fit_line(&font, 30.0, "short", 200.0), "short");
    }

    #[test]
    fn renders_a_png_of_the_right_size() {
        let png = render_png(&CardText::site()).unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        let pixmap = Pixmap::decode_png(&png).unwrap();
        assert_eq!((pixmap.width(), pixmap.height()), (WIDTH, HEIGHT));
    }
}
