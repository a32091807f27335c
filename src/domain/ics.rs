//! Calendar export (RFC 5545): the person's meetings as weekly repeating events, and the
//! plan's upcoming appointments, therapy sessions and medication refills, in the device's
//! time zone, each with reminders (VALARM) so the phone's calendar reminds.
//!
//! Written by hand (escaping, line folding, CRLF), not with a crate: the well-kept
//! `icalendar` crate's writer needs random UUIDs and pulls in more code than the first-load
//! budget holds (see the README). The native tests parse the output back with `icalendar`'s
//! parser and expand the recurrence with the `rrule` crate against the IANA time-zone
//! database. Nothing the person typed reaches a line without escaping: TEXT values are
//! escaped (§3.3.11), a URL with a control character or a space is left out, and every line
//! is folded at 75 octets.

use super::community::WEEK;
use super::meetings::Meeting;
use super::Plan;
use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, Timelike, Weekday};

/// The device's time zone, as the browser reports it: its IANA name, its standard offset,
/// and when daylight-saving time starts and ends (if it has it). Built from every change of
/// offset the browser reports across the year by [`zone_from_offsets`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Zone {
    /// e.g. "America/New_York"; empty when the browser does not say (times are then
    /// "floating": the same wall-clock time wherever the calendar is).
    pub id: String,
    /// Minutes east of UTC (New York: -300).
    pub standard: i32,
    /// Two changes a year that repeat by a yearly rule (most zones with daylight time).
    pub daylight: Option<Daylight>,
    /// Changes that follow no simple yearly rule (some zones change more than twice a
    /// year, or on dates that move): each one, for this year and the next.
    pub transitions: Vec<Transition>,
}

/// A change of offset, at a local wall-clock moment (in the offset before it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Transition {
    pub at: NaiveDateTime,
    pub from: i32,
    pub to: i32,
}

/// Milliseconds in a day and a minute.
const DAY_MS: i64 = 86_400_000;
const MINUTE_MS: i64 = 60_000;

/// The device's zone for `year` from what it reports: `east(utc_ms)` is the offset (minutes
/// east of UTC) at an instant. Every change across `year` and the next is found, day by day
/// and then to the minute; two changes a year that repeat by the same yearly rule become
/// [`Daylight`], anything else stays a list of [`Transition`]s.
pub fn zone_from_offsets(id: String, year: i32, east: impl Fn(i64) -> i32) -> Zone {
    let start_of = |y: i32| {
        NaiveDate::from_ymd_opt(y, 1, 1)
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .map_or(0, |t| t.and_utc().timestamp_millis())
    };
    let (from, to) = (start_of(year), start_of(year.saturating_add(2)));
    let mut found: Vec<(i64, i32, i32)> = Vec::new();
    let mut t = from;
    while t < to {
        let next = t.saturating_add(DAY_MS);
        let (a, b) = (east(t), east(next));
        if a != b {
            // The first minute with the new offset.
            let (mut lo, mut hi) = (t, next);
            while hi - lo > MINUTE_MS {
                let mid = lo + (hi - lo) / 2 / MINUTE_MS * MINUTE_MS;
                let mid = if mid == lo { lo + MINUTE_MS } else { mid };
                if east(mid) == a {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            found.push((hi, a, b));
        }
        t = next;
    }
    let local = |utc_ms: i64, offset: i32| {
        chrono::DateTime::from_timestamp_millis(
            utc_ms.saturating_add(i64::from(offset) * MINUTE_MS),
        )
        .map(|d| d.naive_utc())
        .unwrap_or_default()
    };
    let transitions: Vec<Transition> = found
        .iter()
        .map(|(at, a, b)| Transition {
            at: local(*at, *a),
            from: *a,
            to: *b,
        })
        .collect();
    let this_year: Vec<&Transition> = transitions.iter().filter(|t| t.at.year() == year).collect();
    let next_year: Vec<&Transition> = transitions.iter().filter(|t| t.at.year() != year).collect();
    let standard_now = east(from);
    if transitions.is_empty() {
        return Zone {
            id,
            standard: standard_now,
            daylight: None,
            transitions: Vec::new(),
        };
    }
    // Two changes, there and back, that fall on the same rule next year.
    let yearly = this_year.len() == 2
        && next_year.len() == 2
        && this_year[0].from == this_year[1].to
        && this_year[0].to == this_year[1].from
        && this_year
            .iter()
            .zip(&next_year)
            .all(|(a, b)| yearly_rule(a.at) == yearly_rule(b.at) && a.at.time() == b.at.time());
    if yearly {
        let (standard, dst) = (
            this_year[0].from.min(this_year[0].to),
            this_year[0].from.max(this_year[0].to),
        );
        let (starts, ends) = if this_year[0].to == dst {
            (this_year[0].at, this_year[1].at)
        } else {
            (this_year[1].at, this_year[0].at)
        };
        return Zone {
            id,
            standard,
            daylight: Some(Daylight {
                offset: dst,
                starts,
                ends,
            }),
            transitions: Vec::new(),
        };
    }
    Zone {
        id,
        standard: standard_now,
        daylight: None,
        transitions,
    }
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
    if !z.transitions.is_empty() {
        // The offset before the first change, then each change as it is.
        out.push("BEGIN:STANDARD".into());
        out.push(format!("TZOFFSETFROM:{}", offset(z.standard)));
        out.push(format!("TZOFFSETTO:{}", offset(z.standard)));
        out.push("DTSTART:19700101T000000".into());
        out.push("END:STANDARD".into());
        for t in &z.transitions {
            let kind = if t.to > t.from {
                "DAYLIGHT"
            } else {
                "STANDARD"
            };
            out.push(format!("BEGIN:{kind}"));
            out.push(format!("TZOFFSETFROM:{}", offset(t.from)));
            out.push(format!("TZOFFSETTO:{}", offset(t.to)));
            out.push(format!("DTSTART:{}", stamp(t.at)));
            out.push(format!("END:{kind}"));
        }
        out.push("END:VTIMEZONE".into());
        return;
    }
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

/// A web address the person typed, if it is one that can go on a URL line as it is: http or
/// https, and no space or control character (a CR or LF would start a line of its own).
pub fn safe_url(link: &str) -> Option<&str> {
    let link = link.trim();
    let web = link.starts_with("https://") || link.starts_with("http://");
    (web && !link.chars().any(|c| c.is_control() || c.is_whitespace())).then_some(link)
}

/// A zone name as it may go on a TZID line (IANA names: letters, digits, `/ _ - +`).
fn safe_tzid(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/_-+".contains(c))
}

/// A reminder, `before` the start ("-P1D", "-PT1H", "-PT15H").
fn alarm(before: &str, what: &str, out: &mut Vec<String>) {
    out.push("BEGIN:VALARM".into());
    out.push("ACTION:DISPLAY".into());
    out.push(format!("DESCRIPTION:{}", escape(what)));
    out.push(format!("TRIGGER:{before}"));
    out.push("END:VALARM".into());
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
    if let Some(link) = safe_url(&m.link) {
        out.push(format!("URL:{link}"));
    }
    if !m.notes.trim().is_empty() {
        out.push(format!("DESCRIPTION:{}", escape(&m.notes)));
    }
    out.push("END:VEVENT".into());
}

/// An appointment or a therapy session: an hour, reminded a day before and an hour before.
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
    alarm("-P1D", &tr!(progress.ics.tomorrow, what = summary), out);
    alarm("-PT1H", &tr!(progress.ics.in_an_hour, what = summary), out);
    out.push("END:VEVENT".into());
}

/// A medication refill: an all-day event, reminded the day before at 9 am.
fn refill(uid: &str, summary: &str, day: NaiveDate, now: &str, out: &mut Vec<String>) {
    out.push("BEGIN:VEVENT".into());
    out.push(format!("UID:{uid}@safety-net"));
    out.push(format!("DTSTAMP:{now}"));
    out.push(format!(
        "DTSTART;VALUE=DATE:{}",
        &stamp(day.and_time(chrono::NaiveTime::MIN))[..8]
    ));
    out.push(format!("SUMMARY:{}", escape(summary)));
    alarm("-PT15H", &tr!(progress.ics.tomorrow, what = summary), out);
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
    // A zone name that is not an IANA name is not written: times are then floating.
    let floating;
    let z = if z.id.is_empty() || safe_tzid(&z.id) {
        z
    } else {
        floating = Zone {
            id: String::new(),
            ..z.clone()
        };
        &floating
    };
    if !z.id.is_empty() {
        vtimezone(z, &mut lines);
    }
    for m in &p.meetings.list {
        meeting_event(m, z, today, &now, &mut lines);
    }
    for a in &p.care.appointments {
        if let Some(at) = a.at.filter(|t| t.date() >= today) {
            let summary = tr!(progress.ics.appointment, who = a.with_whom.trim());
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
            let summary = tr!(progress.ics.therapy, who = t.provider.trim());
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
    for m in &p.care.medications {
        if let Some(day) = m.next_refill.filter(|d| *d >= today) {
            let summary = tr!(progress.ics.refill, name = m.name.trim());
            refill(&format!("refill-{}", m.id), &summary, day, &now, &mut lines);
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
