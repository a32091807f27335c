//! Thin browser glue (not storage): time, ids, downloads, files, the storage-persistence API.
//! Every fallible call maps to a message; nothing here panics on a user-data path.

use crate::domain::Id;
use chrono::NaiveDate;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Today's date in the device's own time zone (the browser's clock and zone).
pub fn today() -> NaiveDate {
    let d = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or_default()
}

/// The current time as ISO 8601 UTC ("2026-11-23T10:00:00.000Z").
pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// A fresh stable id for something the person adds.
pub fn new_id() -> Id {
    let now = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64;
    Id::generate(now, random)
}

/// Milliseconds since the page started (high resolution).
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// The wasm module's linear memory, in bytes (it grows, never shrinks). A whole number: a
/// float written as text would bring the float formatter (6 KB) into the first load.
pub fn wasm_memory_bytes() -> u32 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .ok()
        .and_then(|m| m.buffer().dyn_into::<js_sys::ArrayBuffer>().ok())
        .map_or(0, |b| b.byte_length())
}

/// A performance mark the budget tests read (e.g. "sn-ready" after the first render).
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// The language to draw the app in at start: the one chosen on this device, or else the
/// browser's (src/lang.rs). `<html lang>` follows, so screen readers read it right.
pub fn start_language() -> crate::lang::Locale {
    let saved = crate::storage::browser::saved_language()
        .as_deref()
        .and_then(crate::lang::parse);
    let lang = saved.unwrap_or_else(|| {
        let languages: Vec<String> = web_sys::window()
            .map(|w| {
                w.navigator()
                    .languages()
                    .iter()
                    .filter_map(|l| l.as_string())
                    .collect()
            })
            .unwrap_or_default();
        crate::lang::from_browser(languages.iter().map(String::as_str))
    });
    use_language(lang);
    lang
}

/// Draws from now on in `lang`, and says so on `<html lang>`.
pub fn use_language(lang: crate::lang::Locale) {
    crate::lang::set(lang);
    if let Some(html) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = html.set_attribute("lang", crate::lang::code(lang));
    }
}

pub fn set_title(page: &str) {
    if let Some(d) = web_sys::window().and_then(|w| w.document()) {
        d.set_title(&format!("{page} · Safety Net"));
    }
}

/// Where the app is built at start-up: `<div id="app" class="app-root" hidden>` at the end
/// of the page, out of sight until [`show_app`] (with `display: contents` then, so the
/// layout is the shell's).
pub fn app_root() -> Option<web_sys::HtmlElement> {
    let document = web_sys::window()?.document()?;
    let root: web_sys::HtmlElement = document.create_element("div").ok()?.dyn_into().ok()?;
    root.set_id("app");
    root.set_class_name("app-root");
    root.set_hidden(true);
    document.body()?.append_child(&root).ok()?;
    Some(root)
}

/// The app takes the start-up shell's place, in one step (no frame shows neither).
pub fn show_app() {
    remove_boot_placeholder();
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
    {
        let _ = root.remove_attribute("hidden");
    }
}

pub fn remove_boot_placeholder() {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        el.remove();
    }
}

/// Offers `text` as a file download. The file is made on the device; nothing is sent.
pub fn download_text(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    let err = |e: JsValue| crate::storage::browser::describe(&e);
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).map_err(err)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(err)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(err)?
        .dyn_into()
        .map_err(|_| "not an anchor".to_string())?;
    a.set_href(&url);
    a.set_download(file_name);
    a.set_hidden(true);
    if let Some(body) = document.body() {
        let _ = body.append_child(&a);
        a.click();
        let _ = body.remove_child(&a);
    }
    // Revoke a little later: revoking at once can cancel the download in some browsers.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        let _ =
            w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
    }
    Ok(())
}

/// Whether this browser can hand a file to the system's share sheet (Android Chrome, iOS
/// Safari): `navigator.canShare({ files })`.
pub fn can_share_files() -> bool {
    share_data("safety-net-backup.json", "application/json", "{}")
        .map(|(nav, data)| {
            let f = js_sys::Reflect::get(&nav, &"canShare".into()).ok();
            f.and_then(|f| f.dyn_into::<js_sys::Function>().ok())
                .and_then(|f| f.call1(&nav, &data).ok())
                .is_some_and(|r| r.is_truthy())
        })
        .unwrap_or(false)
}

/// `(navigator, { files: [File] })` for the share sheet.
fn share_data(name: &str, mime: &str, text: &str) -> Option<(JsValue, JsValue)> {
    let nav: JsValue = web_sys::window()?.navigator().into();
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = web_sys::FilePropertyBag::new();
    opts.set_type(mime);
    let file = web_sys::File::new_with_str_sequence_and_options(&parts, name, &opts).ok()?;
    let data = js_sys::Object::new();
    js_sys::Reflect::set(&data, &"files".into(), &js_sys::Array::of1(&file)).ok()?;
    Some((nav, data.into()))
}

/// Hands a file to the share sheet. `Ok(true)`: shared; `Ok(false)`: the person closed it.
pub async fn share_file(name: &str, mime: &str, text: &str) -> Result<bool, String> {
    let (nav, data) = share_data(name, mime, text).ok_or(tr!(settings.errors.no_sharing))?;
    let share = js_sys::Reflect::get(&nav, &"share".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or(tr!(settings.errors.no_sharing))?;
    let promise = share
        .call1(&nav, &data)
        .map_err(|e| crate::storage::browser::describe(&e))?;
    match JsFuture::from(js_sys::Promise::from(promise)).await {
        Ok(_) => Ok(true),
        Err(e) => {
            let name = js_sys::Reflect::get(&e, &"name".into())
                .ok()
                .and_then(|n| n.as_string());
            if name.as_deref() == Some("AbortError") {
                Ok(false)
            } else {
                Err(crate::storage::browser::describe(&e))
            }
        }
    }
}

/// Safari in a browser tab (iOS or macOS), not from the home screen: Safari may delete a
/// website's storage after 7 days of use without a visit; home-screen apps are exempt.
pub fn safari_in_a_tab() -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    let ua = w.navigator().user_agent().unwrap_or_default();
    let safari = ua.contains("Safari/")
        && ua.contains("AppleWebKit/")
        && ![
            "Chrome/",
            "Chromium/",
            "CriOS/",
            "FxiOS/",
            "EdgiOS/",
            "Edg/",
            "OPR/",
            "Android",
        ]
        .iter()
        .any(|other| ua.contains(other));
    if !safari {
        return false;
    }
    let standalone = w
        .match_media("(display-mode: standalone)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
        || js_sys::Reflect::get(&w.navigator(), &"standalone".into())
            .ok()
            .is_some_and(|v| v.is_truthy());
    !standalone
}

/// Reads a picked file as bytes (refusing very large ones before reading).
pub async fn read_file(file: web_sys::File, max_bytes: usize) -> Result<Vec<u8>, String> {
    let size = file.size() as usize;
    if size > max_bytes {
        return Err(crate::domain::backup::ImportError::TooLarge(size).to_string());
    }
    let buf = JsFuture::from(file.array_buffer()).await.map_err(|e| {
        tr!(
            settings.import.unreadable,
            error = crate::storage::browser::describe(&e)
        )
    })?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

/// Whether the browser keeps this site's data out of automatic deletion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Persistence {
    Unknown,
    Granted,
    NotGranted,
    Unsupported,
}

fn storage_manager() -> Option<web_sys::StorageManager> {
    let nav = web_sys::window()?.navigator();
    // Older browsers have no navigator.storage.
    let has = js_sys::Reflect::has(&nav, &JsValue::from_str("storage")).unwrap_or(false);
    has.then(|| nav.storage())
}

/// The answer of `navigator.storage.persisted()` (`ask` false) or `.persist()` (`ask` true).
async fn persistence(ask: bool) -> Persistence {
    let Some(m) = storage_manager() else {
        return Persistence::Unsupported;
    };
    let promise = if ask { m.persist() } else { m.persisted() };
    let answer = match promise {
        Ok(p) => JsFuture::from(p).await.ok().and_then(|v| v.as_bool()),
        Err(_) => None,
    };
    match answer {
        Some(true) => Persistence::Granted,
        Some(false) => Persistence::NotGranted,
        None => Persistence::Unsupported,
    }
}

pub async fn persisted() -> Persistence {
    persistence(false).await
}

/// Asks the browser to keep the data (navigator.storage.persist()).
pub async fn request_persistence() -> Persistence {
    persistence(true).await
}

/// Bytes used and available to this site, if the browser says.
pub async fn storage_estimate() -> Option<(u64, u64)> {
    let m = storage_manager()?;
    let est = JsFuture::from(m.estimate().ok()?).await.ok()?;
    let get = |k: &str| {
        js_sys::Reflect::get(&est, &JsValue::from_str(k))
            .ok()?
            .as_f64()
    };
    Some((get("usage")? as u64, get("quota")? as u64))
}

pub fn scroll_top() {
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Opens the browser's print dialog (print, or save as PDF).
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

fn navigator_fn(path: &[&str]) -> Option<(JsValue, js_sys::Function)> {
    let mut this: JsValue = web_sys::window()?.navigator().into();
    let (last, objects) = path.split_last()?;
    for key in objects {
        this = js_sys::Reflect::get(&this, &JsValue::from_str(key)).ok()?;
        if this.is_undefined() {
            return None;
        }
    }
    let f = js_sys::Reflect::get(&this, &JsValue::from_str(last)).ok()?;
    Some((this, f.dyn_into().ok()?))
}

/// Whether the phone's share sheet is there (the Web Share API).
pub fn can_share() -> bool {
    navigator_fn(&["share"]).is_some()
}

/// How a share or a copy ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Handed {
    Done,
    /// The person closed the share sheet.
    Cancelled,
    Failed(String),
}

async fn call(path: &[&str], arg: JsValue) -> Handed {
    let Some((this, f)) = navigator_fn(path) else {
        return Handed::Failed(tr!(settings.errors.cannot_do).into());
    };
    let result = match f.call1(&this, &arg) {
        Ok(p) => JsFuture::from(js_sys::Promise::from(p)).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(_) => Handed::Done,
        Err(e) => {
            let why = crate::storage::browser::describe(&e);
            if why.contains("AbortError") {
                Handed::Cancelled
            } else {
                Handed::Failed(why)
            }
        }
    }
}

/// Hands text to the phone's share sheet. The app sends nothing itself.
pub async fn share_text(title: &str, text: &str) -> Handed {
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
    let _ = js_sys::Reflect::set(&data, &"text".into(), &text.into());
    call(&["share"], data.into()).await
}

/// Puts text on the clipboard.
pub async fn copy_text(text: &str) -> Handed {
    call(&["clipboard", "writeText"], text.into()).await
}

/// Blurs the field being edited, so its change is saved (fields save when they lose focus).
pub fn end_editing() {
    let active = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element());
    if let Some(el) = active.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        el.blur().ok();
    }
}

/// Moves the focus to the screen (`<main>`): when what had it goes away with its card, so
/// it is not lost to the page's start.
pub fn focus_main() {
    let main = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("main"));
    if let Some(el) = main.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        el.focus().ok();
    }
}

/// The local time of day now (the device's clock and zone).
pub fn now_time() -> chrono::NaiveTime {
    let d = js_sys::Date::new_0();
    chrono::NaiveTime::from_hms_opt(d.get_hours(), d.get_minutes(), 0).unwrap_or_default()
}

/// Now in UTC, for calendar stamps and elapsed hours.
pub fn now_utc() -> chrono::NaiveDateTime {
    utc_of(&js_sys::Date::new_0())
}

/// Now in UTC, to the minute (what the clock signal holds).
pub fn now_utc_minute() -> chrono::NaiveDateTime {
    use chrono::Timelike;
    let now = now_utc();
    now.with_second(0).unwrap_or(now)
}

fn utc_of(d: &js_sys::Date) -> chrono::NaiveDateTime {
    NaiveDate::from_ymd_opt(
        d.get_utc_full_year() as i32,
        d.get_utc_month() + 1,
        d.get_utc_date(),
    )
    .and_then(|day| day.and_hms_opt(d.get_utc_hours(), d.get_utc_minutes(), d.get_utc_seconds()))
    .unwrap_or_default()
}

/// The instant (UTC) of a local wall-clock time in the device's zone, as `Date` gives it:
/// a time skipped when the clocks go forward moves on by the hour skipped.
pub fn local_to_utc(local: chrono::NaiveDateTime) -> chrono::NaiveDateTime {
    use chrono::{Datelike, Timelike};
    utc_of(&js_sys::Date::new_with_year_month_day_hr_min_sec(
        local.year() as u32,
        local.month0() as i32,
        local.day() as i32,
        local.hour() as i32,
        local.minute() as i32,
        local.second() as i32,
    ))
}

/// The device's time zone: its IANA name from `Intl`, and every change of offset this year
/// and next that `Date` reports (found by `ics::zone_from_offsets`, to the minute).
pub fn local_zone() -> crate::domain::ics::Zone {
    let options = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new())
        .resolved_options();
    let id = js_sys::Reflect::get(&options, &"timeZone".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    let year = js_sys::Date::new_0().get_full_year() as i32;
    // Minutes east of UTC at an instant.
    let east = |ms: i64| -(js_sys::Date::new(&(ms as f64).into()).get_timezone_offset() as i32);
    crate::domain::ics::zone_from_offsets(id, year, east)
}

/// Whether an event's target is a field of the plan that takes typed text (a text input
/// or a text box with `data-field`, not a tick box, a choice, or an "Add" field).
pub fn is_text_field(target: Option<web_sys::EventTarget>) -> bool {
    let Some(el) = target.and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return false;
    };
    if !el.has_attribute("data-field") {
        return false;
    }
    match el.tag_name().as_str() {
        "TEXTAREA" => true,
        "INPUT" => !matches!(
            el.get_attribute("type").as_deref(),
            Some("checkbox" | "radio" | "file" | "button" | "submit")
        ),
        _ => false,
    }
}
