//! Sets the panic hook and mounts the app; everything else lives in the library.

// Talc instead of the default dlmalloc: smaller in the download, and faster.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    // A panic is a bug: say what and where in the browser console (a smaller hook than
    // console_error_panic_hook; the message and location are what a report needs).
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("Safety Net stopped: {info}").into());
    }));
    // Start-up marks for the budget: the module is running, and the app is mounted.
    safety_net::web::mark("sn-main");
    // The module's start-up (instantiation, glue) was one task; mounting is the next, after
    // the browser has had a turn. The app is built out of sight, in turns (src/app.rs),
    // while the shell stays on screen, and takes the shell's place once Today is drawn.
    leptos::prelude::set_timeout(
        || {
            match safety_net::web::app_root() {
                Some(root) => leptos::mount::mount_to(root, safety_net::app::App).forget(),
                None => leptos::mount::mount_to_body(safety_net::app::App),
            }
            safety_net::web::mark("sn-mounted");
        },
        std::time::Duration::ZERO,
    );
}
