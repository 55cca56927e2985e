//! The event page alone, for readers landing on a shared event link (see
//! `EventLanding`).

fn main() {
    eventdesk::start(eventdesk::EventLanding);
}
