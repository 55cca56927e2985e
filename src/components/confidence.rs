//! How well the event is corroborated: the badge (icon and word), the count
//! and names of its independent sources, the explainer, where it stands on
//! the ladder of levels, what the next level needs, and the methodology link.

use eventdesk_model::confidence::{sources_phrase, tally, LADDER};
use eventdesk_model::{Confidence, ConfidenceLevel, Methodology, Source};
use eventdesk_page_logic::event::standing::next_level_standing;
use leptos::prelude::*;

use super::external_link::ExternalLink;
use super::time::Moment;

/// The level as a badge that does not rely on colour: icon and word.
#[component]
pub fn ConfidenceBadge(level: ConfidenceLevel) -> impl IntoView {
    let class = format!("badge badge--conf badge--conf-{}", level.css_token());
    view! {
        <span class=class>
            <span class="badge__icon" aria-hidden="true">{level.icon()}</span>
            " "
            {level.label()}
        </span>
    }
}

#[component]
pub fn ConfidenceSection(
    confidence: Confidence,
    sources: Vec<Source>,
    /// The names the API lists, used when `sources` is empty.
    source_names: Vec<String>,
    methodology: Signal<Option<Methodology>>,
) -> impl IntoView {
    let level = confidence.level.clone();
    let counted = tally(&sources);
    let independent: Vec<Source> = counted.independent.into_iter().cloned().collect();
    let republished: Vec<Source> = counted.republished.into_iter().cloned().collect();
    let names_only = sources.is_empty() && !source_names.is_empty();
    let any_trusted = sources.iter().any(|s| s.trusted);
    let explainer = {
        let confidence = confidence.clone();
        move || confidence.explainer(methodology.read().as_ref())
    };
    let methodology_href = format!("/methodology#{}", level.anchor());

    view! {
        <section class="section confidence" aria-labelledby="confidence-heading">
            <h2 id="confidence-heading">"Confidence"</h2>
            <p class="confidence__headline">
                <ConfidenceBadge level=level.clone()/>
                " "
                <span class="confidence__count">{sources_phrase(confidence.independent_sources)}</span>
            </p>
            {(!independent.is_empty()).then(|| view! {
                <ul class="source-names" aria-label="Independent sources">
                    {independent.into_iter().map(|s| view! {
                        <li><SourceName source=s/></li>
                    }).collect_view()}
                </ul>
            })}
            {any_trusted.then(|| view! {
                <p class="trust-key muted">
                    <TrustedMark/>
                    " means the outlet is on the editors' trusted list."
                </p>
            })}
            {names_only.then(|| view! {
                <ul class="source-names" aria-label="Sources">
                    {source_names.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
                </ul>
            })}
            {(!republished.is_empty()).then(|| view! {
                <div class="republished">
                    <p class="republished__intro">
                        "Republished copies of another source's reporting, so counted once with it, not as independent:"
                    </p>
                    <ul class="source-names source-names--republished">
                        {republished.into_iter().map(|s| view! {
                            <li>
                                <SourceName source=s/>
                                " "
                                <RepublishedMark/>
                            </li>
                        }).collect_view()}
                    </ul>
                </div>
            })}
            <p class="confidence__explainer">{explainer}</p>
            <Ladder confidence=confidence.clone() sources=sources.clone() methodology/>
            {confidence.assessed_at.clone().map(|at| view! {
                <p class="muted">"Assessed " <Moment at=at/></p>
            })}
            <p class="confidence__more">
                <a href=methodology_href>"How we assess confidence →"</a>
            </p>
        </section>
    }
}

/// A source's name, linked to its article, with its mark when it is on the
/// trusted list.
#[component]
fn SourceName(source: Source) -> impl IntoView {
    let href = source.link().map(str::to_owned);
    let trusted = source.trusted;
    view! {
        <ExternalLink href=href class="source-name">{source.name}</ExternalLink>
        {trusted.then(|| view! { " " <TrustedMark/> })}
    }
}

/// "Trusted" in words with an icon, never colour alone (also in the
/// methodology's "How trust is decided").
#[component]
pub fn TrustedMark() -> impl IntoView {
    view! {
        <span class="badge badge--trusted">
            <span class="badge__icon" aria-hidden="true">"★"</span>
            " Trusted"
        </span>
    }
}

/// "Republished copy" in words with an icon.
#[component]
pub fn RepublishedMark() -> impl IntoView {
    view! {
        <span class="badge badge--neutral badge--republished">
            <span class="badge__icon" aria-hidden="true">"⟳"</span>
            " Republished copy"
        </span>
    }
}

/// Each criterion of the next level with where this event stands on it,
/// once the methodology has come; nothing when it lists none.
#[component]
fn NextLevelCriteria(
    confidence: Confidence,
    sources: Vec<Source>,
    methodology: Signal<Option<Methodology>>,
) -> impl IntoView {
    move || {
        let standing = next_level_standing(&confidence, &sources, methodology.read().as_ref());
        (!standing.is_empty()).then(|| {
            view! {
                <ul class="ladder__criteria" aria-label="What the next level needs, and where this event stands">
                    {standing.into_iter().map(|c| {
                        let (state, icon) = match c.standing.met() {
                            Some(true) => ("met", "✓"),
                            Some(false) => ("short", "○"),
                            None => ("judged", "·"),
                        };
                        view! {
                            <li class=format!("ladder__criterion ladder__criterion--{state}")>
                                <span class="ladder__icon" aria-hidden="true">{icon}</span>
                                " "
                                <span class="ladder__criterion-text">{c.criterion}</span>
                                ": "
                                <span class="ladder__standing">{c.standing.words()}</span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }
        })
    }
}

/// The rungs unconfirmed → likely → verified with this event's marked;
/// disputed beside them as a state of its own; then the next level.
#[component]
fn Ladder(
    confidence: Confidence,
    sources: Vec<Source>,
    methodology: Signal<Option<Methodology>>,
) -> impl IntoView {
    let level = confidence.level.clone();
    let current = level.rung();
    let disputed = level == ConfidenceLevel::Disputed;
    let rungs = LADDER
        .iter()
        .enumerate()
        .map(|(i, rung)| {
            let state = match current {
                Some(c) if i < c => "reached",
                Some(c) if i == c => "current",
                _ => "ahead",
            };
            let is_current = state == "current";
            view! {
                <li
                    class=format!("ladder__rung ladder__rung--{state} ladder__rung--{}", rung.css_token())
                    aria-current=is_current.then_some("step")
                >
                    <span class="ladder__icon" aria-hidden="true">{rung.icon()}</span>
                    " "
                    <span class="ladder__label">{rung.label()}</span>
                    {is_current.then(|| view! { <span class="ladder__here">"This event"</span> })}
                </li>
            }
        })
        .collect_view();

    let next = match (&confidence.next_level, &level) {
        (Some(next), _) => {
            let needs = next.needs.trim();
            let needs = if needs.is_empty() {
                "More independent sources"
            } else {
                needs
            };
            Some(format!(
                "Next level: {}. It needs: {}.",
                next.level.label(),
                needs.trim_end_matches('.')
            ))
        }
        (None, ConfidenceLevel::Verified) => Some(
            "Verified is the highest level. Later sources can still bring corrections.".to_owned(),
        ),
        _ => None,
    };
    let off_ladder = (current.is_none() && !disputed).then(|| {
        format!(
            "This event's rating, {}, is not one of the levels above.",
            level.label()
        )
    });

    view! {
        <div class="ladder" role="group" aria-labelledby="ladder-heading">
            <h3 id="ladder-heading" class="ladder__heading">"Where this event stands"</h3>
            <ol class="ladder__rungs">{rungs}</ol>
            <p
                class="ladder__disputed"
                class:ladder__disputed--current=disputed
                aria-current=disputed.then_some("step")
            >
                <span class="ladder__icon" aria-hidden="true">{ConfidenceLevel::Disputed.icon()}</span>
                " "
                <strong>{ConfidenceLevel::Disputed.label()}</strong>
                {if disputed {
                    ": this event is disputed. Independent sources contradict each other on a core fact, so it sits apart from the ladder."
                } else {
                    " is a state apart from the ladder: independent sources contradict each other on a core fact."
                }}
            </p>
            {off_ladder.map(|t| view! { <p class="ladder__next">{t}</p> })}
            {next.map(|t| view! { <p class="ladder__next">{t}</p> })}
            <NextLevelCriteria confidence=confidence.clone() sources methodology/>
        </div>
    }
}
