use crate::router::Route;
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    crate::web::set_title("Not found");
    view! {
        <h1>"This page isn't here"</h1>
        <p>"The link may be old. Your plan is safe."</p>
        <p><a href=Route::Today.path()>"Go to Today"</a></p>
    }
}
