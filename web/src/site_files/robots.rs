//! `robots.txt`: crawlers may read every page; the API (`/api/`) is data the
//! pages already show, so it is left alone. The sitemap is named by its
//! absolute address, as the protocol asks.

/// The file for a site at `origin` (`https://news.example`, no trailing slash).
pub fn robots_txt(origin: &str) -> String {
    format!(
        "# Eventdesk: every page may be crawled; the API behind them is not for crawlers.\n\
         User-agent: *\n\
         Allow: /\n\
         Disallow: /api/\n\
         \n\
         Sitemap: {origin}/sitemap.xml\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_allowed_api_disallowed_sitemap_absolute() {
        let text = robots_txt("https://news.example");
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines.contains(&"User-agent: *"));
        assert!(lines.contains(&"Allow: /"));
        assert!(lines.contains(&"Disallow: /api/"));
        assert!(lines.contains(&"Sitemap: https://news.example/sitemap.xml"));
    }
}
