//! The rest of "Share this event" beside Copy link: the device's share sheet
//! (`navigator.share`, shown only where the browser has it) and links that
//! hand the event to email and social networks. The links are built by
//! `eventdesk_page_logic::share`, which encodes the URL and title.

use eventdesk_page_logic::share::share_links;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn navigator() -> Option<JsValue> {
    web_sys::window().map(|w| JsValue::from(w.navigator()))
}

/// True when the browser offers `navigator.share` (feature-detected, so the
/// app builds without web-sys's unstable share bindings).
pub fn can_share() -> bool {
    navigator()
        .and_then(|n| js_sys::Reflect::get(&n, &JsValue::from_str("share")).ok())
        .is_some_and(|f| f.is_function())
}

/// What became of a share request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shared {
    Done,
    /// The reader closed the sheet: nothing to say.
    Cancelled,
    Failed,
}

/// Opens the device's share sheet with `title` and `url`.
pub async fn share_natively(title: &str, url: &str) -> Shared {
    let Some(nav) = navigator() else {
        return Shared::Failed;
    };
    let Some(share) = js_sys::Reflect::get(&nav, &JsValue::from_str("share"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    else {
        return Shared::Failed;
    };
    let data = js_sys::Object::new();
    for (key, value) in [("title", title), ("text", title), ("url", url)] {
        if js_sys::Reflect::set(&data, &JsValue::from_str(key), &JsValue::from_str(value)).is_err()
        {
            return Shared::Failed;
        }
    }
    let Ok(promise) = share.call1(&nav, &data) else {
        return Shared::Failed;
    };
    let Ok(promise) = promise.dyn_into::<js_sys::Promise>() else {
        return Shared::Failed;
    };
    match JsFuture::from(promise).await {
        Ok(_) => Shared::Done,
        Err(e) => {
            let name = js_sys::Reflect::get(&e, &JsValue::from_str("name"))
                .ok()
                .and_then(|n| n.as_string());
            if name.as_deref() == Some("AbortError") {
                Shared::Cancelled
            } else {
                Shared::Failed
            }
        }
    }
}

/// The share sheet button (where there is one) and the share links, for the
/// canonical `url` of an event and its `title`.
#[component]
pub fn ShareLinks(#[prop(into)] url: String, #[prop(into)] title: String) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let native = can_share().then(|| {
        let (url, title) = (url.clone(), title.clone());
        let open = move |_| {
            let (url, title) = (url.clone(), title.clone());
            status.set(String::new());
            spawn_local(async move {
                let message = match share_natively(&title, &url).await {
                    Shared::Done | Shared::Cancelled => "",
                    Shared::Failed => {
                        "Sharing didn't open here: use a link below or copy the link."
                    }
                };
                status.set(message.to_owned());
            });
        };
        view! {
            <button type="button" class="button share__native" on:click=open>
                "Share…"
            </button>
        }
    });
    let links = share_links(&url, &title)
        .into_iter()
        .map(|link| {
            let target = link.target;
            let new_tab = target.opens_page();
            let label = if new_tab {
                format!("{} (opens in a new tab)", target.action())
            } else {
                target.action()
            };
            view! {
                <li>
                    <a
                        class=format!("share__target share__target--{}", target.token())
                        href=link.href
                        target=new_tab.then_some("_blank")
                        rel=new_tab.then_some("noopener noreferrer")
                        aria-label=label
                        data-share-target=target.token()
                    >
                        {target.name()}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="share__more">
            {native}
            <ul class="share__targets" aria-label="Share on">
                {links}
            </ul>
            <p class="share__status share__status--more" role="status" aria-live="polite">
                {move || status.get()}
            </p>
        </div>
    }
}
