//! A panic must never leave a dead page: the hook logs it and replaces the
//! page with a readable message and a way back.

use std::panic;

/// Shown instead of the app after a panic. Static text only.
const CRASH_HTML: &str = concat!(
    r#"<main class="crash" role="alert"><h1>Something went wrong on this page</h1>"#,
    r#"<p>Eventdesk hit an unexpected problem while showing this page. Nothing you did caused it.</p>"#,
    r#"<p><a href="">Reload the page</a> or <a href="/">go to the latest events</a>.</p></main>"#,
);

pub fn install_panic_hook() {
    panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_crash_message();
    }));
}

fn show_crash_message() {
    if let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    {
        body.set_inner_html(CRASH_HTML);
    }
}
