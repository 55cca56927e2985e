//! The event page alone, for readers landing on a shared event link (see
//! `EventLanding`).

fn main() {
    eventdesk::crash::install_panic_hook();
    leptos::mount::mount_to_body(eventdesk::EventLanding);
}
