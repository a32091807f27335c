//! A short message in view, at the bottom of the screen whatever is scrolled: "Deleted
//! “Sam”. Undo", "Copied". It is announced (a status region), and focus moves to its Undo so
//! a keyboard or screen-reader user can take it back at once.

use crate::domain::Plan;
use leptos::html::Button;
use leptos::prelude::*;

/// Puts a deleted record back.
pub type Undo = Box<dyn FnOnce(&mut Plan)>;

#[derive(Clone, Copy)]
pub struct Toasts {
    text: RwSignal<Option<String>>,
    /// Which toast is showing, so a timer closes only its own.
    serial: StoredValue<u64>,
    undo: StoredValue<Option<Undo>, LocalStorage>,
    has_undo: RwSignal<bool>,
}

impl Toasts {
    pub fn provide() {
        provide_context(Toasts {
            text: RwSignal::new(None),
            serial: StoredValue::new(0),
            undo: StoredValue::new_local(None),
            has_undo: RwSignal::new(false),
        });
    }

    /// Shows `text`, with Undo when there is something to put back. It closes by itself
    /// after a while (20 seconds with Undo, 5 without), or with its ✕.
    pub fn show(self, text: String, undo: Option<Undo>) {
        let seconds = if undo.is_some() { 20 } else { 5 };
        self.has_undo.set(undo.is_some());
        self.undo.set_value(undo);
        self.text.set(Some(text));
        self.serial.update_value(|n| *n += 1);
        let mine = self.serial.get_value();
        set_timeout(
            move || {
                if self.serial.try_get_value() == Some(mine) {
                    self.close();
                }
            },
            std::time::Duration::from_secs(seconds),
        );
    }

    fn close(self) {
        self.undo.set_value(None);
        self.text.set(None);
    }
}

pub fn use_toasts() -> Toasts {
    expect_context::<Toasts>()
}

#[component]
pub fn ToastHost() -> impl IntoView {
    let toasts = use_toasts();
    let state = crate::state::use_app_state();
    let undo_button = NodeRef::<Button>::new();
    // Locked, deleted or not open: no toast stays with personal text, and no undo keeps
    // a deleted record in memory.
    Effect::new(move |_| {
        if state.boot.with(|b| *b != crate::state::Boot::Ready) {
            toasts.close();
        }
    });
    // Focus moves to Undo when a toast with one appears.
    Effect::new(move |_| {
        if toasts.text.with(Option::is_some) && toasts.has_undo.get() {
            request_animation_frame(move || {
                if let Some(b) = undo_button.get_untracked() {
                    let _ = b.focus();
                }
            });
        }
    });
    view! {
        <div class="toast-area" role="status" aria-live="polite">
            {move || toasts.text.get().map(|text| view! {
                <div class="toast" data-testid="toast">
                    <span>{text}</span>
                    <Show when=move || toasts.has_undo.get()>
                        <button type="button" node_ref=undo_button on:click=move |_| {
                            if let Some(back) = toasts.undo.try_update_value(Option::take).flatten() {
                                state.edit(back);
                            }
                            toasts.close();
                        }>{tr!(settings.toast.undo)}</button>
                    </Show>
                    <button type="button" class="link" aria-label=tr!(settings.toast.close) on:click=move |_| toasts.close()>"✕"</button>
                </div>
            })}
        </div>
    }
}
