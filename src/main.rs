fn main() {
    eventdesk::start(eventdesk::App);
}
