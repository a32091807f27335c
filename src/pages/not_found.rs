use crate::router::Route;
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    crate::web::set_title(tr!(settings.not_found.page_title));
    view! {
        <h1>{tr!(settings.not_found.title)}</h1>
        <p>{tr!(settings.not_found.text)}</p>
        <p><a href=Route::Today.path()>{tr!(settings.not_found.go_today)}</a></p>
    }
}
