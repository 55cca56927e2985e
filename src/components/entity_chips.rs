//! The people, organisations and places the event names, as chips that
//! link to their pages. Each chip says its kind in words before the name
//! ("👤 PERSON Volodymyr Zelensky"), so a reader who does not know the icon,
//! or meets a kind this build does not know (a generic icon, the kind
//! humanised), can still tell a person from a vessel. The chip's accessible
//! name is "Person: Volodymyr Zelensky", in the order it reads. A long kind
//! or name is shortened on screen, the whole of it in a `title`; the
//! entity's page shows both in full. No entities: no section.

use eventdesk_model::labels::entity_accessible_name;
use eventdesk_model::Entity;
use eventdesk_page_logic::text::width;
use leptos::prelude::*;

/// Past these widths (in columns) the chip shortens the text, so its `title` holds it.
const KIND_SHOWN: usize = 14;
const NAME_SHOWN: usize = 60;

#[component]
pub fn EntityChips(entities: Vec<Entity>) -> impl IntoView {
    (!entities.is_empty()).then(|| {
        view! {
            <section class="section entities" aria-labelledby="entities-heading">
                <h2 id="entities-heading">"Entities"</h2>
                <ul class="chips">
                    {entities.into_iter().map(|e| view! { <li><EntityChip entity=e/></li> }).collect_view()}
                </ul>
            </section>
        }
    })
}

#[component]
fn EntityChip(entity: Entity) -> impl IntoView {
    let href = eventdesk_model::paths::entity_path(&entity.id);
    let label = entity_accessible_name(&entity.kind, &entity.name);
    let kind = entity.kind.label();
    let kind_title = (width(&kind) > KIND_SHOWN).then(|| kind.clone());
    let name_title = (width(&entity.name) > NAME_SHOWN).then(|| entity.name.clone());
    view! {
        <a class="chip chip--entity" href=href aria-label=label>
            <span class="chip__kind">
                <span class="chip__icon" aria-hidden="true">{entity.kind.icon()}</span>
                " "
                <span class="chip__kind-word" title=kind_title>{kind}</span>
            </span>
            " "
            <span class="chip__name" title=name_title>{entity.name}</span>
        </a>
    }
}
