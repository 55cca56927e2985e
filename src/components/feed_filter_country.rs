//! The feed's country filter: a select whose first group is the countries
//! the latest events have a place in, each with its count, and whose second
//! is every other country by name (names from page-logic's table, the same
//! the page title uses). The counts come from reading the latest events of
//! the whole feed (the contract has no count per country); a note under the
//! select says what they count. Without them the list is every country by
//! name, as before.

use eventdesk_model::query::valid_country;
use eventdesk_page_logic::feed::countries::{
    country_choices, country_label, CountryChoice, CountryCounts,
};
use eventdesk_page_logic::feed::{events_query, FeedFilters, FilterField};
use leptos::prelude::*;

use crate::api;

/// The most events read for the counts, a page at a time.
const COUNTED_PAGES: usize = 2;
/// Events a page of that reading asks for (the API's maximum).
const COUNTED_PAGE_SIZE: u32 = 100;

/// What the list offers: nothing yet, every country by name, or counted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CountryList {
    NotYet,
    Named,
    Counted(CountryCounts),
}

/// Fills `list` once: every country by name at once, then the counted list
/// when the latest events have been read (kept by name if reading fails).
pub fn fill_country_list(list: RwSignal<CountryList>) {
    if list.with_untracked(|l| *l != CountryList::NotYet) {
        return;
    }
    list.set(CountryList::Named);
    leptos::task::spawn_local(async move {
        if let Some(counts) = read_counts().await {
            list.try_set(CountryList::Counted(counts));
        }
    });
}

async fn read_counts() -> Option<CountryCounts> {
    let whole_feed = FeedFilters::default();
    let mut events = Vec::new();
    let mut cursor: Option<String> = None;
    let mut total = None;
    for _ in 0..COUNTED_PAGES {
        let query = events_query(&whole_feed, None, cursor.as_deref(), COUNTED_PAGE_SIZE);
        let page = api::list_events(&query).await.ok()?;
        total = total.or(page.total);
        events.extend(page.items);
        cursor = page.next_cursor.filter(|c| !c.is_empty());
        if cursor.is_none() {
            break;
        }
    }
    Some(CountryCounts::from_events(&events, cursor.is_none(), total))
}

/// The select and its note. `chosen` is the applied country (a malformed
/// one is dropped before it gets here); `on_choose` gets the code, or ""
/// for any country.
#[component]
pub fn CountrySelect(
    list: RwSignal<CountryList>,
    chosen: Memo<Option<String>>,
    on_choose: impl Fn(String) + 'static,
) -> impl IntoView {
    let groups = Memo::new(move |_| {
        list.with(|l| match l {
            CountryList::NotYet => (Vec::new(), Vec::new()),
            CountryList::Named => country_choices(None),
            CountryList::Counted(counts) => country_choices(Some(counts)),
        })
    });
    // A code the list lacks (a two-letter code no table names, none of the
    // events have): still offered, so the select shows what is applied.
    let unlisted = Memo::new(move |_| {
        let code = chosen.get().filter(|c| valid_country(c))?;
        let listed =
            groups.with(|(with, others)| with.iter().chain(others).any(|c| c.code == code));
        (!listed).then(|| CountryChoice {
            name: country_label(&code),
            code,
            count: None,
        })
    });
    let note = move || {
        list.with(|l| match l {
            CountryList::Counted(counts) => Some(counts.note()),
            _ => None,
        })
    };
    let selected = move || chosen.get().unwrap_or_default();
    let option = move |choice: CountryChoice| {
        let text = choice.text();
        let code = choice.code;
        let is_selected = {
            let code = code.clone();
            move || selected() == code
        };
        view! { <option value=code prop:selected=is_selected>{text}</option> }
    };
    view! {
        <select
            id="filter-country"
            name=FilterField::Country.key()
            aria-describedby="filter-country-note"
            on:change=move |ev| on_choose(event_target_value(&ev))
        >
            <option value="" prop:selected=move || selected().is_empty()>"Any country"</option>
            {move || unlisted.get().map(option)}
            {move || {
                let (with, others) = groups.get();
                if with.is_empty() {
                    return others.into_iter().map(option).collect_view().into_any();
                }
                view! {
                    <optgroup label="With events (number of events)">
                        {with.into_iter().map(option).collect_view()}
                    </optgroup>
                    <optgroup label="Other countries">
                        {others.into_iter().map(option).collect_view()}
                    </optgroup>
                }
                .into_any()
            }}
        </select>
        <p id="filter-country-note" class="filter-field__note muted">{note}</p>
    }
}
