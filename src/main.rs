//! Sets the panic hook and mounts the app; everything else lives in the library.

fn main() {
    console_error_panic_hook::set_once();
    safety_net::web::remove_boot_placeholder();
    leptos::mount::mount_to_body(safety_net::app::App);
}
