//! Calendar export (RFC 5545): the person's meetings as weekly repeating events, and the
//! plan's upcoming appointments and therapy sessions, in the device's time zone. The phone's
//! calendar then gives the reminders.
//!
//! Written by hand (escaping, line folding, CRLF), not with a crate: the well-kept
//! `icalendar` crate needs random UUIDs and more code than fits the app's 250 KB budget. The
//! native tests parse the output back with `icalendar`'s parser and expand the recurrence
//! with the `rrule` crate against the IANA time-zone database.

use super::community::WEEK;
use super::meetings::Meeting;
use super::Plan;
use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, Timelike, Weekday};

/// The device's time zone, as the browser reports it: its IANA name, its standard offset,
/// and when daylight-saving time starts and ends this year (if it has it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Zone {
    /// e.g. "America/New_York"; empty when the browser does not say (times are then
    /// "floating": the same wall-clock time wherever the calendar is).
    pub id: String,
    /// Minutes east of UTC (New York: -300).
    pub standard: i32,
    pub daylight: Option<Daylight>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Daylight {
    /// Minutes east of UTC during daylight-saving time.
    pub offset: i32,
    /// The local wall-clock moment (in standard time) daylight time starts.
    pub starts: NaiveDateTime,
    /// The local wall-clock moment (in daylight time) it ends.
    pub ends: NaiveDateTime,
}

fn offset(minutes: i32) -> String {
    let sign = if minutes < 0 { '-' } else { '+' };
    let m = minutes.abs();
    format!("{sign}{:02}{:02}", m / 60, m % 60)
}

/// "20261123T190000". (Written by hand: chrono's `format` would add its whole formatting
/// engine to the download.)
fn stamp(t: NaiveDateTime) -> String {
    let (d, h) = (t.date(), t.time());
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}",
        d.year(),
        d.month(),
        d.day(),
        h.hour(),
        h.minute(),
        h.second()
    )
}

/// The yearly rule of a transition: "BYMONTH=3;BYDAY=2SU" (or -1SU for the last).
fn yearly_rule(t: NaiveDateTime) -> String {
    let d = t.date();
    let days_in_month = NaiveDate::from_ymd_opt(d.year(), d.month(), 1)
        .and_then(|first| first.checked_add_months(chrono::Months::new(1)))
        .map_or(31, |next| (next - Days::new(1)).day());
    let nth = if d.day() + 7 > days_in_month {
        -1
    } else {
        ((d.day() - 1) / 7 + 1) as i32
    };
    format!(
        "RRULE:FREQ=YEARLY;BYMONTH={};BYDAY={nth}{}",
        d.month(),
        byday(d.weekday())
    )
}

fn byday(d: Weekday) -> &'static str {
    match d {
        Weekday::Mon => "MO",
        Weekday::Tue => "TU",
        Weekday::Wed => "WE",
        Weekday::Thu => "TH",
        Weekday::Fri => "FR",
        Weekday::Sat => "SA",
        Weekday::Sun => "SU",
    }
}

fn vtimezone(z: &Zone, out: &mut Vec<String>) {
    out.push("BEGIN:VTIMEZONE".into());
    out.push(format!("TZID:{}", z.id));
    match &z.daylight {
        Some(d) => {
            for (kind, from, to, at) in [
                ("DAYLIGHT", z.standard, d.offset, d.starts),
                ("STANDARD", d.offset, z.standard, d.ends),
            ] {
                out.push(format!("BEGIN:{kind}"));
                out.push(format!("TZOFFSETFROM:{}", offset(from)));
                out.push(format!("TZOFFSETTO:{}", offset(to)));
                out.push(format!("DTSTART:{}", stamp(at)));
                out.push(yearly_rule(at));
                out.push(format!("END:{kind}"));
            }
        }
        None => {
            out.push("BEGIN:STANDARD".into());
            out.push(format!("TZOFFSETFROM:{}", offset(z.standard)));
            out.push(format!("TZOFFSETTO:{}", offset(z.standard)));
            out.push("DTSTART:19700101T000000".into());
            out.push("END:STANDARD".into());
        }
    }
    out.push("END:VTIMEZONE".into());
}

/// Escapes TEXT values (RFC 5545 §3.3.11).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.trim().chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets, never inside a character (RFC 5545 §3.1).
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out
}

/// The first day on or after `from` that is one of `days`.
fn first_on(from: NaiveDate, days: &[Weekday]) -> Option<NaiveDate> {
    (0..7)
        .map(|i| from + Days::new(i))
        .find(|d| days.contains(&d.weekday()))
}

fn start(z: &Zone, at: NaiveDateTime) -> String {
    if z.id.is_empty() {
        format!("DTSTART:{}", stamp(at))
    } else {
        format!("DTSTART;TZID={}:{}", z.id, stamp(at))
    }
}

fn meeting_event(m: &Meeting, z: &Zone, today: NaiveDate, now: &str, out: &mut Vec<String>) {
    let (Some(time), Some(first)) = (m.time, first_on(today, &m.days)) else {
        return;
    };
    // Days in the week's order, so the rule reads the same however they were ticked.
    let days: Vec<&str> = WEEK
        .iter()
        .filter(|d| m.days.contains(d))
        .map(|d| byday(*d))
        .collect();
    out.push("BEGIN:VEVENT".into());
    out.push(format!("UID:meeting-{}@safety-net", m.id));
    out.push(format!("DTSTAMP:{now}"));
    out.push(start(z, first.and_time(time)));
    out.push(format!(
        "DURATION:PT{}M",
        m.duration_minutes.unwrap_or(60).max(1)
    ));
    out.push(format!("RRULE:FREQ=WEEKLY;BYDAY={}", days.join(",")));
    out.push(format!("SUMMARY:{}", escape(&m.name)));
    let place = if m.address.trim().is_empty() {
        &m.link
    } else {
        &m.address
    };
    if !place.trim().is_empty() {
        out.push(format!("LOCATION:{}", escape(place)));
    }
    let link = m.link.trim();
    if link.starts_with("https://") || link.starts_with("http://") {
        out.push(format!("URL:{link}"));
    }
    if !m.notes.trim().is_empty() {
        out.push(format!("DESCRIPTION:{}", escape(&m.notes)));
    }
    out.push("END:VEVENT".into());
}

fn one_off(
    uid: &str,
    summary: &str,
    place: &str,
    at: NaiveDateTime,
    z: &Zone,
    now: &str,
    out: &mut Vec<String>,
) {
    out.push("BEGIN:VEVENT".into());
    out.push(format!("UID:{uid}@safety-net"));
    out.push(format!("DTSTAMP:{now}"));
    out.push(start(z, at));
    out.push("DURATION:PT1H".into());
    out.push(format!("SUMMARY:{}", escape(summary)));
    if !place.trim().is_empty() {
        out.push(format!("LOCATION:{}", escape(place)));
    }
    out.push("END:VEVENT".into());
}

/// The calendar file: meetings with a day and a time (weekly), and appointments and therapy
/// sessions from `today` on. `now_utc` is the DTSTAMP.
pub fn calendar(p: &Plan, z: &Zone, today: NaiveDate, now_utc: NaiveDateTime) -> String {
    let now = format!("{}Z", stamp(now_utc));
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".into(),
        "PRODID:-//Safety Net//Recovery plan//EN".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
    ];
    if !z.id.is_empty() {
        vtimezone(z, &mut lines);
    }
    for m in &p.meetings.list {
        meeting_event(m, z, today, &now, &mut lines);
    }
    for a in &p.care.appointments {
        if let Some(at) = a.at.filter(|t| t.date() >= today) {
            let summary = format!("Appointment: {}", a.with_whom.trim());
            one_off(
                &format!("appointment-{}", a.id),
                &summary,
                &a.place,
                at,
                z,
                &now,
                &mut lines,
            );
        }
    }
    for t in &p.care.therapy {
        if let Some(at) = t.next_session.filter(|t| t.date() >= today) {
            let summary = format!("Therapy: {}", t.provider.trim());
            one_off(
                &format!("therapy-{}", t.id),
                &summary,
                "",
                at,
                z,
                &now,
                &mut lines,
            );
        }
    }
    lines.push("END:VCALENDAR".into());
    let mut out = String::new();
    for l in lines {
        out.push_str(&fold(&l));
        out.push_str("\r\n");
    }
    out
}

/// How many meetings cannot go in the calendar (no day or no time yet).
pub fn left_out(p: &Plan) -> usize {
    p.meetings
        .list
        .iter()
        .filter(|m| m.time.is_none() || m.days.is_empty())
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_and_escaping() {
        assert_eq!(
            escape("Hall B; room 2, upstairs\nback door"),
            "Hall B\\; room 2\\, upstairs\\nback door"
        );
        let long = "é".repeat(60);
        let folded = fold(&format!("SUMMARY:{long}"));
        for line in folded.split("\r\n") {
            assert!(line.len() <= 75, "{} octets", line.len());
        }
        assert_eq!(folded.replace("\r\n ", ""), format!("SUMMARY:{long}"));
    }

    #[test]
    fn transition_rules() {
        let t = |s| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap();
        assert_eq!(
            yearly_rule(t("2026-03-08T02:00")),
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU"
        );
        assert_eq!(
            yearly_rule(t("2026-11-01T02:00")),
            "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU"
        );
        assert_eq!(
            yearly_rule(t("2026-03-29T01:00")),
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"
        );
        assert_eq!(offset(-300), "-0500");
        assert_eq!(offset(330), "+0530");
    }
}
