//! Reading a page as a crawler does: its head's tags, and its data block.

use std::collections::HashMap;

use serde_json::Value;

/// The inverse of the server's escaping.
pub fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// What a crawler reads from a page's head.
#[derive(Debug, Default)]
pub struct Head {
    pub title: Vec<String>,
    /// `name` or `property` → every `content` given for it, unescaped.
    pub meta: HashMap<String, Vec<String>>,
    pub canonical: Vec<String>,
    pub json_ld: Vec<Value>,
    /// Every tag in the head, by name.
    pub tags: Vec<String>,
}

impl Head {
    /// The one `content` given for `key`.
    pub fn one(&self, key: &str) -> &str {
        let values = self
            .meta
            .get(key)
            .unwrap_or_else(|| panic!("no {key} in {self:#?}"));
        assert_eq!(values.len(), 1, "{key} given {} times", values.len());
        &values[0]
    }
}

/// Reads attributes the way an HTML tokenizer would: `name="value"` pairs,
/// values running to the next double quote.
pub fn attributes(tag: &str) -> HashMap<String, String> {
    let mut out = HashMap::new();
    let mut rest = tag;
    while let Some(eq) = rest.find("=\"") {
        let name = rest[..eq]
            .rsplit([' ', '<'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        let value_start = eq + 2;
        let Some(len) = rest[value_start..].find('"') else {
            break;
        };
        out.insert(name, unescape(&rest[value_start..value_start + len]));
        rest = &rest[value_start + len + 1..];
    }
    out
}

/// Tokenizes the head as a browser would: tags are `<…>`, except that the
/// text of `<title>` and `<script>` runs to their closing tag.
pub fn parse_head(html: &str) -> Head {
    let start = html.find("<head>").expect("a head") + "<head>".len();
    let end = html.find("</head>").expect("the head closes");
    let head = &html[start..end];
    let mut out = Head::default();
    let mut at = 0;
    while let Some(open) = head[at..].find('<') {
        let open = at + open;
        let close = open + head[open..].find('>').expect("tag closes") + 1;
        let tag = &head[open..close];
        let name: String = tag[1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        out.tags.push(name.clone());
        at = close;
        match name.as_str() {
            "title" => {
                let text_end = at + head[at..].find("</title>").expect("title closes");
                out.title.push(unescape(&head[at..text_end]));
                at = text_end + "</title>".len();
            }
            "script" => {
                let text_end = at + head[at..].find("</script>").expect("script closes");
                if tag.contains("application/ld+json") {
                    out.json_ld
                        .push(serde_json::from_str(&head[at..text_end]).expect("JSON-LD parses"));
                }
                at = text_end + "</script>".len();
            }
            "meta" => {
                let a = attributes(tag);
                if let Some(key) = a.get("name").or(a.get("property")) {
                    out.meta
                        .entry(key.clone())
                        .or_default()
                        .push(a.get("content").cloned().unwrap_or_default());
                }
            }
            "link" => {
                let a = attributes(tag);
                if a.get("rel").map(String::as_str) == Some("canonical") {
                    out.canonical.push(a["href"].clone());
                }
            }
            _ => {}
        }
    }
    out
}

/// The page's data block: its `data-api`, `data-page` and decoded JSON, if
/// it has one.
pub fn preload_block(html: &str) -> Option<(String, String, Value)> {
    let start = html.find(r#"<script type="application/json" id="eventdesk-preload""#)?;
    let open_end = start + html[start..].find('>')? + 1;
    let close = open_end + html[open_end..].find("</script>")?;
    let tag = &html[start..open_end];
    let attr = |name: &str| {
        let from = tag.find(&format!("{name}=\""))? + name.len() + 2;
        let raw = &tag[from..from + tag[from..].find('"')?];
        Some(unescape(raw))
    };
    let json = serde_json::from_str(&html[open_end..close]).ok()?;
    Some((attr("data-api")?, attr("data-page")?, json))
}

/// Decodes a PNG, returning its size.
pub fn png_size(bytes: &[u8]) -> (u32, u32) {
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = decoder.read_info().expect("a PNG header");
    let mut pixels = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut pixels).expect("the PNG decodes");
    (info.width, info.height)
}
