//! A trend as a chart: a line through the days with a check-in, a dot on each, over faint
//! guide lines, in a 300 × 120 box the page scales. Decorative for screen readers (the
//! summary in words under it says what it shows). The numbers come from `domain::trends`.

use crate::domain::trends::Measure;
use chrono::NaiveDate;
use leptos::prelude::*;

const W: u32 = 300;
const H: u32 = 120;
const PAD: u32 = 6;

#[component]
pub fn TrendChart(measure: Measure, series: Vec<(NaiveDate, Option<u32>)>) -> impl IntoView {
    let n = u32::try_from(series.len()).unwrap_or(u32::MAX).max(2);
    let max = (measure.max() * 10).max(1);
    let x = move |i: u32| PAD + i.min(n - 1) * (W - 2 * PAD) / (n - 1);
    let y = move |v: u32| H - PAD - v.min(max) * (H - 2 * PAD) / max;
    let points: Vec<(u32, u32)> = series
        .iter()
        .enumerate()
        .filter_map(|(i, (_, v))| {
            let i = u32::try_from(i).ok()?;
            v.map(|v| (x(i), y(v)))
        })
        .collect();
    let line = points
        .iter()
        .map(|(px, py)| format!("{px},{py}"))
        .collect::<Vec<_>>()
        .join(" ");
    view! {
        <svg viewBox=format!("0 0 {W} {H}") aria-hidden="true" class="chart">
            <g class="guides">
                {[0, max / 2, max].into_iter().map(|g| view! {
                    <line x1=PAD x2=W - PAD y1=y(g) y2=y(g)/>
                }).collect_view()}
            </g>
            <polyline points=line/>
            <g class="dots">
                {points.into_iter().map(|(cx, cy)| view! { <circle cx=cx cy=cy r="3"/> }).collect_view()}
            </g>
        </svg>
    }
}
