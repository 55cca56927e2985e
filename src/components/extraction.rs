//! "Extraction metadata": when and how the event was extracted, and from
//! which story (linked when it has a safe URL): by its title when it has one,
//! the slug then being of no use to a reader; by its slug, as the story's
//! identifier, only when there is no title.

use eventdesk_model::labels::humanise;
use eventdesk_model::text::non_blank;
use eventdesk_model::{Extraction, SourceStory};
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
                {extraction.source_story.map(|story| view! {
                    <div class="facts__row">
                        <dt>"Source story"</dt>
                        <dd><StoryName story/></dd>
                    </div>
                })}
            </dl>
        </section>
    }
}

/// The story by its title, or by its slug (set as an identifier) when it has none.
#[component]
fn StoryName(story: SourceStory) -> impl IntoView {
    let SourceStory { slug, title, url } = story;
    match title.as_deref().and_then(non_blank).map(str::to_owned) {
        Some(title) => view! { <ExternalLink href=url>{title}</ExternalLink> }.into_any(),
        None => view! {
            <ExternalLink href=url>
                <span class="visually-hidden">"Story "</span>
                <code class="facts__slug">{slug}</code>
            </ExternalLink>
        }
        .into_any(),
    }
}
