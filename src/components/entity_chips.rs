//! The people, organisations and places the event names, as chips that
//! link to their pages. No entities: no section.

use eventdesk_model::labels::entity_accessible_name;
use eventdesk_model::Entity;
use leptos::prelude::*;

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
    view! {
        <a class="chip" href=href aria-label=label>
            <span class="chip__icon" aria-hidden="true">{entity.kind.icon()}</span>
            " "
            {entity.name}
        </a>
    }
}
