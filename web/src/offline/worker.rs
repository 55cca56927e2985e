//! The service worker, `/sw.js`: `sw.js` beside this file, with the release
//! it belongs to written in. Its version is a digest of the built app
//! (`--dist`: the pages as they are, the hashed files by name, which Trunk
//! changes with their content) and of the worker's own code, so a new
//! release is a new worker, and the browser (which revalidates `/sw.js`,
//! served `no-cache`) installs it and drops the old release's files.

use std::path::Path;

use eventdesk_model::time::DateStyle;
use serde_json::json;
use sha2::{Digest, Sha256};

use super::{icons, manifest, page};
use crate::page::files;

/// Its address: at the root, so its scope is the whole site without a
/// `Service-Worker-Allowed` header.
pub const PATH: &str = "/sw.js";

const TEMPLATE: &str = include_str!("sw.js");

/// The built app as the worker knows it.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Release {
    /// A digest of the build and of the worker's code: 16 hex digits.
    pub version: String,
    /// What it saves at install: the files the event page's build loads
    /// (by their hashed names), the basemap, the offline page, the
    /// manifest and its icons.
    pub shell: Vec<String>,
}

/// The worker for the build in `dist`.
pub async fn script(dist: &Path) -> String {
    let release = read_release(dist.to_owned()).await;
    render(&release)
}

/// `sw.js` with the release written in (as JSON, so nothing in a file name
/// can break out), and the app's one date style for instants
/// (`DateStyle`), for when each copy was saved.
pub fn render(release: &Release) -> String {
    TEMPLATE
        .replacen("\"__VERSION__\"", &json!(release.version).to_string(), 1)
        .replacen("[\"__SHELL__\"]", &json!(release.shell).to_string(), 1)
        .replacen("\"__INSTANT__\"", &intl_options(DateStyle::Instant), 1)
        .replacen(
            "\"__INSTANT_EXACT__\"",
            &intl_options(DateStyle::InstantExact),
            1,
        )
}

/// `Intl.DateTimeFormat`'s options for `style`, as a JSON object.
fn intl_options(style: DateStyle) -> String {
    let options: serde_json::Map<String, serde_json::Value> = style
        .intl_options()
        .iter()
        .map(|(k, v)| ((*k).to_owned(), json!(v)))
        .collect();
    serde_json::Value::Object(options).to_string()
}

async fn read_release(dist: std::path::PathBuf) -> Release {
    tokio::task::spawn_blocking(move || release_of(&dist))
        .await
        .unwrap_or_default()
}

/// The release in `dist` (an unreadable or empty one is a release too: the
/// worker then saves the offline page, manifest and icons alone).
pub fn release_of(dist: &Path) -> Release {
    let mut names = Vec::new();
    list(dist, dist, &mut names);
    names.sort();

    let mut digest = Sha256::new();
    digest.update(TEMPLATE.as_bytes());
    digest.update(page::html().as_bytes());
    digest.update(manifest::json().as_bytes());
    for name in &names {
        digest.update(name.as_bytes());
        digest.update([0]);
        if !files::is_hashed(name) {
            if let Ok(bytes) = std::fs::read(dist.join(name.trim_start_matches('/'))) {
                digest.update(&bytes);
            }
        }
        digest.update([0]);
    }
    let version: String = digest
        .finalize()
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect();

    // The files the event page loads are named in its HTML.
    let landing = ["event.html", "index.html"]
        .iter()
        .find_map(|page| std::fs::read_to_string(dist.join(page)).ok())
        .unwrap_or_default();
    let mut shell: Vec<String> = names
        .iter()
        .filter(|name| files::is_hashed(name) && landing.contains(name.as_str()))
        .cloned()
        .collect();
    shell.extend(
        names
            .iter()
            .filter(|name| name.starts_with("/maps/") && name.ends_with(".json"))
            .cloned(),
    );
    shell.push(page::PATH.to_owned());
    shell.push(manifest::PATH.to_owned());
    shell.extend(icons::ALL.iter().map(|icon| icon.path()));
    Release { version, shell }
}

/// The build's files under `dir`, as addresses (`/maps/countries-110m.json`),
/// without their precompressed siblings. Two levels deep is all a build has.
fn list(root: &Path, dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            if dir == root {
                list(root, &path, out);
            }
            continue;
        }
        let Ok(relative) = path.strip_prefix(root) else {
            continue;
        };
        let name = relative.to_string_lossy().replace('\\', "/");
        if name.ends_with(".br") || name.ends_with(".gz") {
            continue;
        }
        out.push(format!("/{name}"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_release_is_written_in_as_json() {
        let script = render(&Release {
            version: "0123456789abcdef".into(),
            shell: vec!["/a\"b.js".into()],
        });
        assert!(script.contains(r#"const VERSION = "0123456789abcdef";"#));
        assert!(script.contains(r#"const SHELL = ["/a\"b.js"];"#));
        assert!(!script.contains("__VERSION__") && !script.contains("__SHELL__"));
        assert!(!script.contains("__INSTANT"));
        let options = |name: &str| -> serde_json::Value {
            let start = script.find(&format!("const {name} = ")).expect(name) + name.len() + 9;
            let end = start + script[start..].find(';').expect("a ;");
            serde_json::from_str(&script[start..end]).expect("JSON")
        };
        assert_eq!(
            options("INSTANT"),
            json!({ "year": "numeric", "month": "long", "day": "numeric",
                    "hour": "numeric", "minute": "2-digit", "timeZoneName": "short" })
        );
        assert_eq!(options("INSTANT_EXACT")["timeStyle"], "long");
    }
}
