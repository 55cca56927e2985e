//! The feed's filters: a debounced search box, categories (from
//! `/categories`), confidence levels, country and a date range. They live in
//! the URL query: every change navigates (a new history entry, no scroll to
//! the top), so a filtered view is shared, reloaded and walked with back and
//! forward like any page, and the fields follow the URL when it changes.
//! The order (newest events first, or recently updated first) is kept
//! the same way, beside the filters; clearing the filters keeps it.
//!
//! A value the API does not list (a category missing from `/categories`, a
//! level missing from `/methodology`, a country that is not a code) is
//! dropped with a notice naming it: no chip is made up for it, it is not
//! counted, and once the lists have loaded the address is replaced by one
//! without it, so the feed does not ask the API for it.

use std::time::Duration;

use eventdesk_model::query::SEARCH_MAX;
use eventdesk_model::ConfidenceLevel;
use eventdesk_page_logic::category::{category_icon, NEUTRAL_ICON};
use eventdesk_page_logic::feed::{
    FeedFilters, FeedSort, FilterField, Unrecognised, UnrecognisedKind,
};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

use crate::components::deferred::after_paint;
use crate::components::feed_filter_country::{fill_country_list, CountryList, CountrySelect};
use crate::components::feed_filter_vocabulary::FilterLists;

/// How long the search box waits after the last keystroke before searching.
const SEARCH_DEBOUNCE: Duration = Duration::from_millis(350);

#[component]
pub fn FeedFilterForm(
    filters: Memo<FeedFilters>,
    /// The API's lists of values, read once by the page (its title uses
    /// them too).
    lists: FilterLists,
) -> impl IntoView {
    let navigate = use_navigate();
    let pathname = use_location().pathname;
    let go = move |next: &FeedFilters, replace: bool| {
        let to = format!("{}{}", pathname.get_untracked(), next.to_query());
        navigate(
            &to,
            NavigateOptions {
                scroll: false,
                replace,
                ..Default::default()
            },
        );
    };

    // What the API lists.
    let FilterLists {
        categories,
        methodology,
        vocabulary,
    } = lists;
    // The address's values the API does not list, and those already taken
    // out of it (named until the reader changes the filters).
    let dropped = RwSignal::new(Vec::<Unrecognised>::new());
    let unrecognised = Memo::new(move |_| vocabulary.with(|v| filters.with(|f| f.unrecognised(v))));
    let notices = Memo::new(move |_| {
        let mut all = dropped.get();
        for u in unrecognised.get() {
            if !all.contains(&u) {
                all.push(u);
            }
        }
        all
    });
    // A category or level the API does not list would be asked for (and
    // match nothing): replace the address with one without it. A malformed
    // country is never sent, so the address keeps it.
    {
        let go = go.clone();
        Effect::new(move |_| {
            let found = unrecognised.get();
            if found.iter().any(|u| u.kind != UnrecognisedKind::Country) {
                dropped.update(|d| {
                    for u in &found {
                        if !d.contains(u) {
                            d.push(u.clone());
                        }
                    }
                });
                let next =
                    vocabulary.with_untracked(|v| filters.with_untracked(|f| f.recognised(v)));
                go(&next, true);
            }
        });
    }
    // Every change the reader makes starts from what the API lists.
    let current =
        move || vocabulary.with_untracked(|v| filters.with_untracked(|f| f.recognised(v)));
    let apply = move |next: FeedFilters| {
        dropped.set(Vec::new());
        if next != filters.get_untracked() {
            go(&next, false);
        }
    };
    let search_ref = NodeRef::<leptos::html::Input>::new();

    // The search box: what is typed, committed to the URL after a pause or on Enter.
    let draft = RwSignal::new(filters.get_untracked().q.unwrap_or_default());
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let cancel_pending = move || {
        if let Some(handle) = pending.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    };
    // Back, forward or "Clear filters" changed the URL: the box follows,
    // unless the reader is mid-typing (their words win).
    Effect::new(move |_| {
        let q = filters.with(|f| f.q.clone()).unwrap_or_default();
        if pending.with_value(Option::is_none) && draft.get_untracked().trim() != q {
            draft.set(q);
        }
    });
    let commit_search = {
        let apply = apply.clone();
        move || {
            cancel_pending();
            let mut next = current();
            next.set_text(FilterField::Search, &draft.get_untracked());
            apply(next);
        }
    };
    let on_search_input = {
        let commit_search = commit_search.clone();
        move |ev: leptos::ev::Event| {
            draft.set(event_target_value(&ev));
            cancel_pending();
            let commit_search = commit_search.clone();
            let handle = set_timeout_with_handle(
                move || {
                    pending.set_value(None);
                    commit_search();
                },
                SEARCH_DEBOUNCE,
            )
            .ok();
            pending.set_value(handle);
        }
    };
    on_cleanup(cancel_pending);
    let on_submit = {
        let commit_search = commit_search.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            commit_search();
        }
    };

    let set_field = {
        let apply = apply.clone();
        move |field: FilterField, value: String| {
            let mut next = current();
            next.set_text(field, &value);
            apply(next);
        }
    };
    let clear = {
        let apply = apply.clone();
        move |_| {
            cancel_pending();
            draft.set(String::new());
            // The filters go; the order the reader chose stays.
            apply(FeedFilters::default().sorted(filters.get_untracked().sort));
            // The button disappears with the filters: keep focus in the form.
            if let Some(input) = search_ref.get_untracked() {
                let _ = input.focus();
            }
        }
    };

    // Filters beyond the search: open on wide screens, and on narrow ones
    // when one of them is set; folded on a phone so the events come first.
    let applied = Memo::new(move |_| vocabulary.with(|v| filters.with(|f| f.in_effect(v))));
    let narrowing =
        Memo::new(move |_| applied.with(|f| f.active_count() - usize::from(f.q.is_some())));
    let wide = web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w >= 640.0);
    let more_open = wide || narrowing.get_untracked() > 0;
    let problems = Memo::new(move |_| filters.with(FeedFilters::problems));
    let active = Memo::new(move |_| applied.with(FeedFilters::active_count));
    let any_active = Memo::new(move |_| active.get() > 0);

    // Categories the URL names when the list could not be loaded: still
    // shown, so they can be seen and removed (one the loaded list lacks is
    // dropped instead, with a notice). A memo, so that toggling a known
    // category re-renders nothing but its checkbox.
    let unlisted_categories = Memo::new(move |_| {
        if !categories.with(|c| matches!(c, Some(Err(_)))) {
            return Vec::new();
        }
        filters.with(|f| f.categories.clone())
    });
    let category_options = {
        let apply = apply.clone();
        move || {
            let mut shown: Vec<(String, String, String)> = categories
                .with(|c| match c {
                    Some(Ok(list)) => list.clone(),
                    _ => Vec::new(),
                })
                .iter()
                .map(|c| {
                    (
                        c.id.clone(),
                        category_icon(c).glyph.to_owned(),
                        c.display_label(),
                    )
                })
                .collect();
            for id in unlisted_categories.get() {
                let label = eventdesk_model::labels::humanise(&id);
                shown.push((id, NEUTRAL_ICON.to_owned(), label));
            }
            shown
                .into_iter()
                .map(|(id, icon, label)| {
                    let apply = apply.clone();
                    let checked = {
                        let id = id.clone();
                        move || filters.with(|f| f.categories.contains(&id))
                    };
                    let toggle = move |_| {
                        let mut next = current();
                        next.toggle_category(&id);
                        apply(next);
                    };
                    view! {
                        <label class="filter-chip">
                            <input type="checkbox" prop:checked=checked on:change=toggle/>
                            <span class="filter-chip__icon" aria-hidden="true">{icon}</span>
                            <span>{label}</span>
                        </label>
                    }
                })
                .collect_view()
        }
    };
    let categories_failed = move || categories.get().is_some_and(|r| r.is_err());

    // Levels this build does not know, from the URL, once the methodology
    // lists them (or could not be read): a memo, as above.
    let unknown_levels = Memo::new(move |_| {
        let judged = methodology.with(|m| matches!(m, Some(Some(_))));
        if !judged {
            return Vec::new();
        }
        vocabulary.with(|v| {
            filters.with(|f| {
                f.confidences
                    .iter()
                    .filter(|l| l.is_other() && v.allows_level(l))
                    .cloned()
                    .collect::<Vec<_>>()
            })
        })
    });
    let level_options = {
        let apply = apply.clone();
        move || {
            let mut levels: Vec<ConfidenceLevel> = ConfidenceLevel::KNOWN.to_vec();
            levels.extend(unknown_levels.get());
            levels
                .into_iter()
                .map(|level| {
                    let apply = apply.clone();
                    let checked = {
                        let level = level.clone();
                        move || filters.with(|f| f.confidences.contains(&level))
                    };
                    let class = format!("filter-chip filter-chip--conf-{}", level.css_token());
                    let (icon, label) = (level.icon(), level.label());
                    let toggle = move |_| {
                        let mut next = current();
                        next.toggle_confidence(&level);
                        apply(next);
                    };
                    view! {
                        <label class=class>
                            <input type="checkbox" prop:checked=checked on:change=toggle/>
                            <span class="filter-chip__icon" aria-hidden="true">{icon}</span>
                            <span>{label}</span>
                        </label>
                    }
                })
                .collect_view()
        }
    };

    // The country list is made when the filters are first unfolded (at
    // once when they start unfolded, after the first paint), not while the
    // feed is drawn; its counts follow when the latest events are read.
    let countries = RwSignal::new(CountryList::NotYet);
    let fill_countries = move || fill_country_list(countries);
    if more_open {
        after_paint(fill_countries);
    }
    let chosen_country = Memo::new(move |_| applied.with(|f| f.country.clone()));
    let country_select = {
        let set_field = set_field.clone();
        view! {
            <CountrySelect
                list=countries
                chosen=chosen_country
                on_choose=move |code| set_field(FilterField::Country, code)
            />
        }
    };
    let sort = Memo::new(move |_| filters.with(|f| f.sort));
    let on_sort = {
        let apply = apply.clone();
        move |ev: leptos::ev::Event| {
            let next = current().sorted(FeedSort::from_value(&event_target_value(&ev)));
            apply(next);
        }
    };
    let date_input = {
        let set_field = set_field.clone();
        move |field: FilterField| {
            let set_field = set_field.clone();
            view! {
                <input
                    type="date"
                    id=format!("filter-{}", field.key())
                    name=field.key()
                    prop:value=move || filters.with(|f| f.text(field).unwrap_or_default().to_owned())
                    on:change=move |ev| set_field(field, event_target_value(&ev))
                />
            }
        }
    };

    view! {
        <form class="filters" role="search" aria-label="Filter events" on:submit=on_submit>
            <div class="filters__search">
                <label for="feed-search">"Search events"</label>
                <div class="filters__search-row">
                    <input
                        id="feed-search"
                        type="search"
                        name=FilterField::Search.key()
                        maxlength=SEARCH_MAX.to_string()
                        autocomplete="off"
                        placeholder="e.g. Kyiv, earthquake"
                        node_ref=search_ref
                        prop:value=move || draft.get()
                        on:input=on_search_input
                    />
                    <button type="submit" class="button button--secondary">"Search"</button>
                </div>
            </div>
            <details class="filters__more" open=more_open on:toggle=move |_| fill_countries()>
            <summary class="filters__summary">
                "Category, confidence, country and dates"
                {move || {
                    let n = narrowing.get();
                    (n > 0).then(|| format!(" ({n} set)"))
                }}
            </summary>
            <div class="filters__more-body">
            <fieldset class="filter-group">
                <legend>"Category"</legend>
                <div class="filter-chips">{category_options}</div>
                {move || categories_failed().then(|| view! {
                    <p class="muted">"The list of categories could not be loaded."</p>
                })}
            </fieldset>
            <fieldset class="filter-group">
                <legend>"Confidence"</legend>
                <div class="filter-chips">{level_options}</div>
            </fieldset>
            <div class="filters__row">
                <div class="filter-field">
                    <label for="filter-country">"Country"</label>
                    {country_select}
                </div>
                <div class="filter-field">
                    <label for="filter-from">"From"</label>
                    {date_input(FilterField::From)}
                </div>
                <div class="filter-field">
                    <label for="filter-to">"To"</label>
                    {date_input(FilterField::To)}
                </div>
            </div>
            </div>
            </details>
            {move || {
                let mut list: Vec<String> = notices.get().iter().map(Unrecognised::message).collect();
                list.extend(problems.get().into_iter().map(|p| p.message));
                (!list.is_empty()).then(|| view! {
                    // The alert around the list, so the list stays a list.
                    <div role="alert">
                        <ul class="filter-problems">
                            {list.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}
                        </ul>
                    </div>
                })
            }}
            <div class="filters__sort">
                <label for="feed-sort">"Order"</label>
                <select id="feed-sort" name=FeedSort::KEY prop:value=move || sort.get().form_value() on:change=on_sort>
                    {FeedSort::ALL.map(|s| view! {
                        <option value=s.form_value() selected=move || sort.get() == s>{s.label()}</option>
                    }).collect_view()}
                </select>
            </div>
            // Always there, so the list below does not jump when a first filter is set.
            <p class="filters__active">
                <span class="muted">{move || match active.get() {
                    0 if sort.get() == FeedSort::Updated => {
                        "No filters: every event, recently updated first".to_owned()
                    }
                    0 => "No filters: every event, newest first".to_owned(),
                    1 => "1 filter applied".to_owned(),
                    n => format!("{n} filters applied"),
                }}</span>
                {move || any_active.get().then(|| {
                    let clear = clear.clone();
                    view! {
                        <button type="button" class="button button--secondary" on:click=clear>
                            "Clear filters"
                        </button>
                    }
                })}
            </p>
        </form>
    }
}
