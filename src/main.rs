fn main() {
    eventdesk::crash::install_panic_hook();
    leptos::mount::mount_to_body(eventdesk::App);
}
