//! Sets the panic hook and mounts the app; everything else lives in the library.

// Talc instead of the default dlmalloc: smaller in the download, and faster.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// The plan's reader, in a chunk of its own (#18, see `safety_net::domain::schema::PlanReader`):
/// its split point is here, in the binary, and the library reaches it only through
/// `safety_net::state::set_reader_fetch`. Fallible: a chunk that cannot be fetched is said on
/// screen, not a crash.
#[leptos::wasm_split::wasm_split(
    plan_reader,
    wasm_split_path = ::leptos::wasm_split,
    fallible
)]
fn plan_reader(
) -> Result<&'static dyn safety_net::domain::schema::PlanReader, leptos::wasm_split::SplitLoaderError>
{
    Ok(&safety_net::domain::schema::Reader)
}

fn main() {
    // A panic is a bug: say what and where in the browser console (a smaller hook than
    // console_error_panic_hook; the message and location are what a report needs).
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("Safety Net stopped: {info}").into());
    }));
    // Start-up marks for the budget: the module is running, and the app is mounted.
    safety_net::web::mark("sn-main");
    safety_net::state::set_reader_fetch(|| Box::pin(async { plan_reader().await.ok() }));
    // The module's start-up (instantiation, glue) was one task. Then, each a task of its own
    // after the browser has had a turn: the language and the app's state; the other
    // contexts; the mount. The app is built out of sight, in turns (src/app.rs), while the
    // shell stays on screen, and takes the shell's place once Today is drawn.
    use leptos::prelude::{set_timeout, Owner};
    use std::time::Duration;
    set_timeout(
        || {
            // Effects made with the state run on wasm-bindgen's executor (as the mount's do).
            let _ = any_spawner::Executor::init_wasm_bindgen();
            // The app's root: the mount's own owner is its child, and sees its contexts. It
            // lives as long as the page (as the mount's does).
            let root = Owner::new();
            root.with(safety_net::app::provide_state);
            safety_net::web::mark("sn-provided");
            set_timeout(
                move || {
                    root.with(safety_net::app::provide_rest);
                    safety_net::web::mark("sn-contexts");
                    set_timeout(
                        move || {
                            root.with(|| match safety_net::web::app_root() {
                                Some(el) => {
                                    leptos::mount::mount_to(el, safety_net::app::App).forget()
                                }
                                None => leptos::mount::mount_to_body(safety_net::app::App),
                            });
                            std::mem::forget(root);
                            safety_net::web::mark("sn-mounted");
                        },
                        Duration::ZERO,
                    );
                },
                Duration::ZERO,
            );
        },
        Duration::ZERO,
    );
}
