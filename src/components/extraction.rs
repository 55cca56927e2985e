//! "Extraction metadata": when and how the event was extracted, and from
//! which story (linked when it has a safe URL).

use eventdesk_model::labels::humanise;
use eventdesk_model::text::non_blank;
use eventdesk_model::Extraction;
use leptos::prelude::*;

use super::external_link::ExternalLink;
use super::time::Moment;

#[component]
pub fn ExtractionSection(extraction: Extraction) -> impl IntoView {
    let method = extraction
        .method
        .as_deref()
        .and_then(non_blank)
        .map(humanise);
    view! {
        <section class="section extraction" aria-labelledby="extraction-heading">
            <h2 id="extraction-heading">"Extraction metadata"</h2>
            <dl class="facts">
                {extraction.extracted_at.map(|at| view! {
                    <div class="facts__row">
                        <dt>"Extracted"</dt>
                        <dd><Moment at=at/></dd>
                    </div>
                })}
                {method.map(|m| view! {
                    <div class="facts__row">
                        <dt>"Method"</dt>
                        <dd>{m}</dd>
                    </div>
                })}
                {extraction.source_story.map(|story| {
                    let title = story.title.as_deref().and_then(non_blank).map(str::to_owned);
                    let slug = story.slug.clone();
                    let slug_line = title.is_some().then(|| story.slug.clone());
                    view! {
                        <div class="facts__row">
                            <dt>"Source story"</dt>
                            <dd>
                                <ExternalLink href=story.url.clone()>
                                    {title.unwrap_or_else(|| slug.clone())}
                                </ExternalLink>
                                {slug_line.map(|s| view! { <span class="facts__slug">{s}</span> })}
                            </dd>
                        </div>
                    }
                })}
            </dl>
        </section>
    }
}
