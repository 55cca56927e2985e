//! `/methodology`: how we assess confidence, from `GET /methodology`: the
//! summary, each level in order (description, criteria, an anchor that
//! event pages link to: `/methodology#likely`), the tones with their meaning
//! and examples and the plain statement that tone is not verification, and
//! how independence is judged. Levels and tones this build does not know
//! are shown like the others.

use eventdesk_model::text::non_blank;
use eventdesk_model::tone::TONE_DISCLAIMER;
use eventdesk_model::{Methodology, MethodologyLevel, MethodologyTone};
use eventdesk_page_logic::event::standing::{counts, Counted};
use leptos::prelude::*;

use crate::api;
use crate::components::confidence::{ConfidenceBadge, RepublishedMark, TrustedMark};
use crate::components::error_view::ErrorView;
use crate::document::{follow_fragment, page_title, set_title_and_description};

const TITLE: &str = "How we assess confidence";

#[component]
pub fn MethodologyPage() -> impl IntoView {
    set_title_and_description(
        &page_title(TITLE),
        "How Eventdesk rates the corroboration of an event, and what source tone means.",
    );
    let methodology = LocalResource::new(api::get_methodology);
    // The fragment (`#likely`) names a part that only exists once the
    // methodology has arrived.
    follow_fragment(move || methodology.read().as_ref().is_some_and(Result::is_ok));

    let retry = Callback::new(move |_: ()| {
        methodology.set(None);
        methodology.refetch();
    });

    move || match methodology.get() {
        None => view! { <MethodologySkeleton/> }.into_any(),
        Some(Ok(m)) => view! { <MethodologyView methodology=m/> }.into_any(),
        Some(Err(error)) => view! { <ErrorView error noun="page" on_retry=retry/> }.into_any(),
    }
}

#[component]
fn MethodologyView(methodology: Methodology) -> impl IntoView {
    let Methodology {
        summary,
        levels,
        tones,
        independence,
    } = methodology;
    let summary = summary
        .and_then(|v| non_blank(&v).map(str::to_owned))
        .unwrap_or_else(|| {
            "Each event is rated by how many independent sources agree on its core facts."
                .to_owned()
        });
    let independence = independence.and_then(|v| non_blank(&v).map(str::to_owned));
    // Where the methodology's own criteria count trusted sources, level by level.
    let trust_criteria: Vec<(String, String, String)> = levels
        .iter()
        .flat_map(|l| {
            l.criteria
                .iter()
                .filter(|c| counts(c) == Some(Counted::TrustedSources))
                .map(|c| (l.level.anchor(), level_label(l), c.trim().to_owned()))
        })
        .collect();
    let contents: Vec<(String, String)> = levels
        .iter()
        .map(|l| (l.level.anchor(), level_label(l)))
        .collect();

    view! {
        <article class="page methodology" aria-labelledby="methodology-heading">
            <header>
                <h1 id="methodology-heading">{TITLE}</h1>
                <p class="lede">{summary}</p>
            </header>
            {(!contents.is_empty()).then(|| view! {
                <nav class="methodology__contents" aria-label="Confidence levels">
                    <ul>
                        {contents.into_iter().map(|(anchor, label)| view! {
                            <li><a href=format!("/methodology#{anchor}")>{label}</a></li>
                        }).collect_view()}
                    </ul>
                </nav>
            })}
            <section class="section" aria-labelledby="levels-heading">
                <h2 id="levels-heading">"Confidence levels"</h2>
                <p class="section__intro">
                    "From the least to the most corroborated. A rating describes corroboration, not truth. "
                    "Disputed is a state of its own: independent sources contradict each other on a core fact."
                </p>
                <ol class="method-levels">
                    {levels.into_iter().map(|l| view! { <LevelItem level=l/> }).collect_view()}
                </ol>
            </section>
            <section class="section" id="tone" aria-labelledby="tones-heading">
                <h2 id="tones-heading">"Source tone"</h2>
                <p class="method-disclaimer"><strong>{TONE_DISCLAIMER}</strong></p>
                <p class="section__intro">
                    "Tone is how sure the outlet's own wording sounds. It is not verification and does not change an event's confidence: "
                    "only agreement between independent sources does."
                </p>
                <dl class="method-tones">
                    {tones.into_iter().map(|t| view! { <ToneItem tone=t/> }).collect_view()}
                </dl>
            </section>
            <section class="section" id="trust" aria-labelledby="trust-heading">
                <h2 id="trust-heading">"How trust is decided"</h2>
                <p>
                    "The editors keep a list of trusted outlets. On an event page, each source on that list is marked "
                    <TrustedMark/>
                    ". Being on the list does not make an outlet's report true; it is what some levels ask for."
                </p>
                {(!trust_criteria.is_empty()).then(|| view! {
                    <p>"Where trusted sources count:"</p>
                    <ul class="method-trust">
                        {trust_criteria.into_iter().map(|(anchor, label, criterion)| view! {
                            <li><a href=format!("/methodology#{anchor}")>{label}</a>": "{criterion}</li>
                        }).collect_view()}
                    </ul>
                })}
                <p>
                    "An outlet that republished another listed source (a wire copy, or an outlet under the same owner) is marked "
                    <RepublishedMark/>
                    " and counts once, with the source it copied"
                    {independence.is_some().then_some(": see how independence is judged below")}
                    "."
                </p>
            </section>
            {independence.map(|text| view! {
                <section class="section" id="independence" aria-labelledby="independence-heading">
                    <h2 id="independence-heading">"How independence is judged"</h2>
                    <p>{text}</p>
                </section>
            })}
        </article>
    }
}

/// The methodology's label, or the level's own word when it is blank.
fn level_label(level: &MethodologyLevel) -> String {
    match level.label.trim() {
        "" => level.level.label(),
        label => label.to_owned(),
    }
}

#[component]
fn LevelItem(level: MethodologyLevel) -> impl IntoView {
    let anchor = level.level.anchor();
    let heading_id = format!("level-{anchor}-heading");
    let labelled_by = heading_id.clone();
    let label = level_label(&level);
    let class = format!("method-level method-level--{}", level.level.css_token());
    let criteria: Vec<String> = level
        .criteria
        .iter()
        .filter_map(|v| non_blank(v).map(str::to_owned))
        .collect();
    view! {
        <li id=anchor class=class aria-labelledby=labelled_by tabindex="-1">
            <h3 id=heading_id class="method-level__heading">
                <ConfidenceBadge level=level.level.clone()/>
                {(label != level.level.label()).then(|| view! {
                    <span class="method-level__label">{label.clone()}</span>
                })}
            </h3>
            <p class="method-level__description">{level.description.trim().to_owned()}</p>
            {(!criteria.is_empty()).then(|| view! {
                <p class="method-level__criteria-intro">"Criteria:"</p>
                <ul class="method-level__criteria">
                    {criteria.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}
                </ul>
            })}
        </li>
    }
}

#[component]
fn ToneItem(tone: MethodologyTone) -> impl IntoView {
    let anchor = format!("tone-{}", eventdesk_model::labels::slug(tone.tone.as_str()));
    let label = match tone.label.trim() {
        "" => tone.tone.label(),
        l => l.to_owned(),
    };
    let class = format!("badge badge--tone badge--tone-{}", tone.tone.css_token());
    let description = match tone.description.trim() {
        "" => tone.tone.meaning(None),
        d => d.to_owned(),
    };
    let examples: Vec<String> = tone
        .examples
        .iter()
        .filter_map(|v| non_blank(v).map(str::to_owned))
        .collect();
    view! {
        <div class="method-tone" id=anchor>
            <dt>
                <span class=class>
                    <span class="badge__icon" aria-hidden="true">{tone.tone.icon()}</span>
                    " "
                    {label}
                </span>
            </dt>
            <dd>
                <p>{description}</p>
                {(!examples.is_empty()).then(|| view! {
                    <p class="method-tone__examples">
                        "Examples: "
                        {examples.into_iter().enumerate().map(|(i, e)| view! {
                            {(i > 0).then_some(", ")}
                            <q>{e}</q>
                        }).collect_view()}
                    </p>
                })}
            </dd>
        </div>
    }
}

#[component]
fn MethodologySkeleton() -> impl IntoView {
    view! {
        <div class="page methodology skeleton" aria-busy="true">
            <p class="visually-hidden" role="status">"Loading…"</p>
            <h1>{TITLE}</h1>
            <div aria-hidden="true">
                <span class="skeleton__block skeleton__line"></span>
                <span class="skeleton__block skeleton__line skeleton__line--short"></span>
                {(0..4).map(|_| view! {
                    <div class="method-level method-level--skeleton">
                        <span class="skeleton__block skeleton__badge"></span>
                        <span class="skeleton__block skeleton__line"></span>
                        <span class="skeleton__block skeleton__line skeleton__line--short"></span>
                    </div>
                }).collect_view()}
            </div>
        </div>
    }
}
