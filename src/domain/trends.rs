//! Check-ins over time: a chart drawn as SVG text (no chart library), a summary in words for
//! screen readers, a gentle notice when craving has been rising, and the CSV export.

use super::checkin::CheckIn;
use super::Plan;
use chrono::{Days, NaiveDate};

/// What a chart shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    Craving,
    Mood,
    Sleep,
}

impl Measure {
    pub fn label(self) -> &'static str {
        match self {
            Measure::Craving => tr!(progress.trends.craving),
            Measure::Mood => tr!(progress.trends.mood),
            Measure::Sleep => tr!(progress.trends.sleep),
        }
    }

    pub fn max(self) -> u32 {
        match self {
            Measure::Craving => 10,
            Measure::Mood => 5,
            Measure::Sleep => 12,
        }
    }

    /// The value of a check-in, in tenths (sleep in tenths of an hour).
    fn tenths(self, c: &CheckIn) -> Option<u32> {
        match self {
            Measure::Craving => c.craving.map(|v| u32::from(v) * 10),
            Measure::Mood => c.mood.map(|v| u32::from(v) * 10),
            Measure::Sleep => c.sleep_minutes.map(super::checkin::sleep_tenths),
        }
    }
}

/// The check-ins of the `days` days up to `today`, as (date, value in tenths).
pub fn series(p: &Plan, m: Measure, today: NaiveDate, days: u64) -> Vec<(NaiveDate, Option<u32>)> {
    let first = today - Days::new(days.saturating_sub(1));
    let from = p.checkins.partition_point(|c| c.date < first);
    let mut found = p.checkins[from..]
        .iter()
        .take_while(|c| c.date <= today)
        .peekable();
    (0..days)
        .map(|i| {
            let d = first + Days::new(i);
            while found.peek().is_some_and(|c| c.date < d) {
                found.next();
            }
            let v = found
                .peek()
                .filter(|c| c.date == d)
                .and_then(|c| m.tenths(c));
            (d, v)
        })
        .collect()
}

/// "Craving over the last 30 days: 12 check-ins, average 3.5, lowest 1, highest 7; the last
/// week averaged 5, higher than the week before (3)."
pub fn summary(m: Measure, s: &[(NaiveDate, Option<u32>)]) -> String {
    let values: Vec<u32> = s.iter().filter_map(|(_, v)| *v).collect();
    let name = m.label();
    if values.is_empty() {
        return tr!(progress.trends.summary_none, name = name, days = s.len());
    }
    let avg = |v: &[u32]| (v.iter().sum::<u32>() * 10 / v.len() as u32 + 5) / 10;
    let (lo, hi) = (
        values.iter().copied().min().unwrap_or(0),
        values.iter().copied().max().unwrap_or(0),
    );
    let (days, count) = (s.len(), values.len());
    let (avg, lo, hi) = (
        super::checkin::tenths_text(avg(&values)),
        super::checkin::tenths_text(lo),
        super::checkin::tenths_text(hi),
    );
    if count == 1 {
        tr!(
            progress.trends.summary_one,
            name = name,
            days = days,
            avg = avg,
            lo = lo,
            hi = hi
        )
    } else {
        tr!(
            progress.trends.summary,
            name = name,
            days = days,
            count = count,
            avg = avg,
            lo = lo,
            hi = hi
        )
    }
}

/// True when craving has risen over the last three check-ins (each higher than the one
/// before, the last at 5 or more), within the last week.
pub fn craving_rising(p: &Plan, today: NaiveDate) -> bool {
    let week_ago = today - Days::new(6);
    let recent: Vec<u8> = p
        .checkins
        .iter()
        .filter(|c| c.date >= week_ago && c.date <= today)
        .filter_map(|c| c.craving)
        .collect();
    let last = &recent[recent.len().saturating_sub(3)..];
    last.len() == 3 && last[0] < last[1] && last[1] < last[2] && last[2] >= 5
}

/// Warning signs from the plan ticked in check-ins of the last three days.
pub fn recent_warning_signs(p: &Plan, today: NaiveDate) -> Vec<String> {
    let since = today - Days::new(2);
    let signs = super::checkin::plan_items(p, super::checkin::Items::WarningSigns);
    let mut out: Vec<String> = Vec::new();
    for c in p
        .checkins
        .iter()
        .filter(|c| c.date >= since && c.date <= today)
    {
        for id in &c.warning_signs {
            if let Some((_, text)) = signs.iter().find(|(w, _)| *w == id) {
                if !out.iter().any(|o| o == text) {
                    out.push(text.to_string());
                }
            }
        }
    }
    out
}

/// Streaks: days in a row with a check-in (the current run, which today not yet checked in
/// does not break, and the longest), and weeks in a row with a meeting (from "I went"
/// on a meeting or in a check-in; this week counts once it has one).
#[derive(Debug, PartialEq, Eq)]
pub struct Streaks {
    pub checkin_days: u32,
    pub longest_checkin_days: u32,
    pub meeting_weeks: u32,
}

pub fn streaks(p: &Plan, today: NaiveDate) -> Streaks {
    // Check-ins are kept one a day, in date order.
    let (mut run, mut longest, mut prev) = (0u32, 0u32, None::<NaiveDate>);
    for c in p.checkins.iter().filter(|c| c.date <= today) {
        run = if prev.and_then(|d| d.succ_opt()) == Some(c.date) {
            run.saturating_add(1)
        } else {
            1
        };
        longest = longest.max(run);
        prev = Some(c.date);
    }
    let current = match prev {
        Some(d) if d == today || d.succ_opt() == Some(today) => run,
        _ => 0,
    };
    // Weeks with a meeting: the same count as Meetings shows (one source of attendance).
    let weeks = u32::try_from(super::community::attendance_stats(p, today).weeks_in_a_row)
        .unwrap_or(u32::MAX);
    Streaks {
        checkin_days: current,
        longest_checkin_days: longest,
        meeting_weeks: weeks,
    }
}

/// "Check-ins: 5 days in a row (longest 12). Meetings: 2 weeks in a row." Nothing before
/// the first check-in or meeting, and no "0 days in a row" after a gap: only what is
/// there to be glad of.
pub fn streaks_text(s: &Streaks) -> String {
    let days = |n: u32| super::milestones::days_text(i64::from(n));
    let checkins = match (s.checkin_days, s.longest_checkin_days) {
        (0, 0) => None,
        (0, longest) => Some(tr!(progress.trends.longest_run, days = days(longest))),
        (1, longest) => Some(tr!(
            progress.trends.in_a_row_one,
            days = days(1),
            longest = longest
        )),
        (now, longest) => Some(tr!(
            progress.trends.in_a_row,
            days = days(now),
            longest = longest
        )),
    };
    let meetings = match s.meeting_weeks {
        0 => None,
        1 => Some(tr!(progress.trends.meetings_one).to_string()),
        n => Some(tr!(progress.trends.meetings, n = n)),
    };
    checkins
        .into_iter()
        .chain(meetings)
        .collect::<Vec<_>>()
        .join(" ")
}

/// One CSV cell. Text that a spreadsheet would run as a formula (starting with `=`, `+`,
/// `-`, `@`, a tab or a carriage return) gets a leading `'`, as OWASP's CSV-injection
/// guidance says; numbers, which never start so here, stay numbers. Then RFC 4180 quoting.
pub fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

fn number(v: Option<u8>) -> String {
    v.map(|n| n.to_string()).unwrap_or_default()
}

/// The check-ins as CSV (RFC 4180): one row a day; lists of the plan's items by name,
/// separated by "; ".
pub fn csv(p: &Plan) -> String {
    // Lists by name, in the plan's words.
    use super::checkin::{hours_text, plan_items, Items};
    let names = |ids: &[super::Id], which: Items| {
        let items = plan_items(p, which);
        ids.iter()
            .filter_map(|id| items.iter().find(|(i, _)| *i == id).map(|(_, t)| *t))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let mut out = String::from(tr!(progress.csv.header));
    out.push_str("\r\n");
    let (yes, no) = (tr!(progress.csv.yes), tr!(progress.csv.no));
    for c in &p.checkins {
        // The numbers and the note as the check-in form shows them.
        let row = [
            super::dates::iso(c.date),
            number(c.mood),
            number(c.craving),
            number(c.stress),
            c.sleep_minutes.map(hours_text).unwrap_or_default(),
            names(&c.medications_taken, Items::Medications),
            (if c.went_to_meeting { yes } else { no }).into(),
            (if c.contacted_support { yes } else { no }).into(),
            names(&c.triggers, Items::Triggers),
            names(&c.warning_signs, Items::WarningSigns),
            names(&c.coping_used, Items::Coping),
            c.note.clone(),
        ];
        out.push_str(
            &row.iter()
                .map(|f| csv_field(f))
                .collect::<Vec<_>>()
                .join(","),
        );
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn plan_with(cravings: &[(&str, u8)]) -> Plan {
        let mut p = Plan::default();
        for (day, c) in cravings {
            let mut ci = CheckIn::new(d(day));
            ci.craving = Some(*c);
            ci.sleep_minutes = Some(450);
            p.checkins.push(ci);
        }
        p
    }

    #[test]
    fn series_fill_missing_days_and_summaries_say_it_in_words() {
        let p = plan_with(&[("2026-11-20", 2), ("2026-11-22", 5)]);
        let s = series(&p, Measure::Craving, d("2026-11-23"), 7);
        assert_eq!(s.len(), 7);
        assert_eq!(s[0].0, d("2026-11-17"));
        assert_eq!(s.iter().filter(|x| x.1.is_some()).count(), 2);
        assert_eq!(
            summary(Measure::Craving, &s),
            "Craving (0–10) over the last 7 days: 2 check-ins, average 3.5, lowest 2, highest 5."
        );
        let sleep = series(&p, Measure::Sleep, d("2026-11-23"), 7);
        assert!(summary(Measure::Sleep, &sleep).contains("average 7.5"));
    }

    #[test]
    fn rising_craving_is_noticed_gently() {
        assert!(craving_rising(
            &plan_with(&[("2026-11-21", 3), ("2026-11-22", 4), ("2026-11-23", 6)]),
            d("2026-11-23")
        ));
        assert!(!craving_rising(
            &plan_with(&[("2026-11-21", 3), ("2026-11-22", 4), ("2026-11-23", 4)]),
            d("2026-11-23")
        ));
        assert!(!craving_rising(
            &plan_with(&[("2026-11-21", 1), ("2026-11-22", 2), ("2026-11-23", 3)]),
            d("2026-11-23")
        ));
        assert!(!craving_rising(
            &plan_with(&[("2026-11-01", 3), ("2026-11-02", 4), ("2026-11-03", 6)]),
            d("2026-11-23")
        ));
    }

    #[test]
    fn csv_quotes_what_needs_it() {
        let mut p = plan_with(&[("2026-11-23", 4)]);
        p.checkins[0].note = "Hard day, but \"ok\"\nreally".into();
        let csv = csv(&p);
        let mut lines = csv.split("\r\n");
        assert!(lines.next().unwrap().starts_with("date,mood,craving"));
        assert_eq!(
            lines.next().unwrap(),
            "2026-11-23,,4,,7.5,,no,no,,,,\"Hard day, but \"\"ok\"\"\nreally\""
        );
    }

    #[test]
    fn csv_neutralises_formulas_and_keeps_numbers() {
        for (typed, cell) in [
            (
                "=HYPERLINK(\"http://x\",\"y\")",
                "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"",
            ),
            ("+1 555", "'+1 555"),
            ("-2", "'-2"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "\"'\rx\""),
            ("plain", "plain"),
            ("7.5", "7.5"),
        ] {
            assert_eq!(csv_field(typed), cell, "{typed:?}");
        }
        let mut p = plan_with(&[("2026-11-23", 4)]);
        p.checkins[0].note = "=cmd|' /C calc'!A0".into();
        let row = csv(&p).split("\r\n").nth(1).expect("row").to_string();
        assert!(row.ends_with(",'=cmd|' /C calc'!A0"), "{row}");
        assert!(row.starts_with("2026-11-23,,4,,7.5,"), "{row}");
    }

    #[test]
    fn streaks_of_check_ins_and_meeting_weeks() {
        use crate::domain::checkin::CheckIn;
        let d = |m, dd| NaiveDate::from_ymd_opt(2026, m, dd).expect("date");
        let mut p = Plan::default();
        // 1–5 November, then 10–22 November (13 days, up to yesterday).
        for day in (1..=5).chain(10..=22) {
            let mut c = CheckIn::new(d(11, day));
            c.went_to_meeting = day == 2 || day == 10 || day == 18;
            p.checkins.push(c);
        }
        let s = streaks(&p, d(11, 23));
        // Today not checked in yet: the run up to yesterday still counts.
        assert_eq!(
            s,
            Streaks {
                checkin_days: 13,
                longest_checkin_days: 13,
                meeting_weeks: 3
            }
        );
        assert_eq!(
            streaks_text(&s),
            "Check-ins: 13 days in a row (longest 13). Meetings: 3 weeks in a row."
        );
        // Two days without: the run is over, the longest stays.
        let s = streaks(&p, d(11, 25));
        assert_eq!((s.checkin_days, s.longest_checkin_days), (0, 13));
        assert_eq!(
            streaks_text(&s),
            "Check-ins: your longest run is 13 days. Meetings: 3 weeks in a row."
        );
        assert_eq!(streaks(&Plan::default(), d(11, 23)).meeting_weeks, 0);
        assert_eq!(streaks_text(&streaks(&Plan::default(), d(11, 23))), "");
    }
}
