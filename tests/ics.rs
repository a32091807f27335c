//! The calendar export, read back by parsers the ecosystem trusts: `icalendar`'s RFC 5545
//! parser reads every event field by field, and `rrule` (through icalendar) expands the weekly
//! rule in the IANA time zone, so the times are checked across a daylight-saving change.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Utc, Weekday};
use icalendar::{Calendar, CalendarDateTime, Component, DatePerhapsTime, EventLike};
use safety_net::domain::care::{Appointment, AppointmentKind};
use safety_net::domain::ics::{calendar, Daylight, Zone};
use safety_net::domain::meetings::{
    Access, Fellowship, FitDecision, Meeting, MeetingFormat, MeetingStyle,
};
use safety_net::domain::{Id, Plan};

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap()
}

fn new_york() -> Zone {
    Zone {
        id: "America/New_York".into(),
        standard: -300,
        daylight: Some(Daylight {
            offset: -240,
            starts: at("2026-03-08T02:00"),
            ends: at("2026-11-01T02:00"),
        }),
    }
}

fn meeting(days: Vec<Weekday>, time: &str) -> Meeting {
    Meeting {
        id: Id::parse("m1").unwrap(),
        name: "Hope Group; NA, Tuesday crowd".into(),
        fellowship: Fellowship::NarcoticsAnonymous,
        format: MeetingFormat::Hybrid,
        address: "12 Elm St, Room 3".into(),
        link: "https://example.org/meet".into(),
        access: Access::Open,
        style: MeetingStyle::Discussion,
        days,
        time: Some(NaiveTime::parse_from_str(time, "%H:%M").unwrap()),
        duration_minutes: Some(90),
        notes: "Side door\nafter 6".into(),
        liked: String::new(),
        disliked: String::new(),
        decision: FitDecision::Undecided,
    }
}

fn plan() -> Plan {
    let mut p = Plan::default();
    // Ticked Wednesday first: the rule still lists the week in order.
    p.meetings
        .list
        .push(meeting(vec![Weekday::Wed, Weekday::Mon], "19:00"));
    let mut no_time = meeting(vec![Weekday::Fri], "10:00");
    no_time.id = Id::parse("m2").unwrap();
    no_time.time = None;
    p.meetings.list.push(no_time);
    for (id, when) in [("a1", "2026-11-30T09:30"), ("a0", "2026-10-01T09:30")] {
        p.care.appointments.push(Appointment {
            id: Id::parse(id).unwrap(),
            kind: AppointmentKind::Dental,
            with_whom: "Dr. Park".into(),
            at: Some(at(when)),
            place: "Riverside Clinic".into(),
            notes: String::new(),
        });
    }
    p
}

fn parse(text: &str) -> Calendar {
    text.parse().expect("icalendar parses the export")
}

#[test]
fn every_line_is_crlf_and_at_most_75_octets() {
    let text = calendar(
        &plan(),
        &new_york(),
        NaiveDate::from_ymd_opt(2026, 10, 26).unwrap(),
        at("2026-10-26T12:00"),
    );
    assert!(text.ends_with("\r\n"));
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{line:?}");
        assert!(!line.contains('\n'));
    }
    assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
}

#[test]
fn a_weekly_meeting_reads_back_field_by_field_and_keeps_its_local_time_across_dst() {
    let today = NaiveDate::from_ymd_opt(2026, 10, 26).unwrap(); // a Monday, a week before DST ends
    let cal = parse(&calendar(
        &plan(),
        &new_york(),
        today,
        at("2026-10-26T12:00"),
    ));
    let events: Vec<_> = cal.calendar_events().collect();
    // The meeting without a time, and the appointment in the past, are left out.
    assert_eq!(events.len(), 2);
    let m = events[0];
    assert_eq!(m.get_uid(), Some("meeting-m1@safety-net"));
    assert_eq!(m.get_summary(), Some("Hope Group; NA, Tuesday crowd"));
    assert_eq!(m.get_location(), Some("12 Elm St, Room 3"));
    assert_eq!(m.get_url(), Some("https://example.org/meet"));
    assert_eq!(m.get_description(), Some("Side door\nafter 6"));
    assert_eq!(m.property_value("DURATION"), Some("PT90M"));
    assert_eq!(m.property_value("RRULE"), Some("FREQ=WEEKLY;BYDAY=MO,WE"));
    assert_eq!(
        m.get_start(),
        Some(DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone {
            date_time: at("2026-10-26T19:00"),
            tzid: "America/New_York".into(),
        }))
    );
    // Expanded by rrule in the real zone: 7 pm local before and after the change, so the
    // UTC hour moves from 23:00 to 00:00.
    let set = m.get_recurrence().expect("a recurrence");
    let utc: Vec<String> = set
        .all(5)
        .dates
        .iter()
        .map(|d| d.with_timezone(&Utc).format("%Y-%m-%d %H:%M").to_string())
        .collect();
    assert_eq!(
        utc,
        [
            "2026-10-26 23:00",
            "2026-10-28 23:00",
            "2026-11-03 00:00",
            "2026-11-05 00:00",
            "2026-11-10 00:00"
        ]
    );

    let a = events[1];
    assert_eq!(a.get_summary(), Some("Appointment: Dr. Park"));
    assert_eq!(a.get_location(), Some("Riverside Clinic"));
    assert_eq!(
        a.get_start(),
        Some(DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone {
            date_time: at("2026-11-30T09:30"),
            tzid: "America/New_York".into(),
        }))
    );
}

#[test]
fn the_time_zone_definition_agrees_with_the_iana_database() {
    let text = calendar(
        &plan(),
        &new_york(),
        NaiveDate::from_ymd_opt(2026, 10, 26).unwrap(),
        at("2026-10-26T12:00"),
    );
    let tz = chrono_tz::America::New_York;
    // Offsets just after each transition the VTIMEZONE names, for this year and the next.
    for (local, offset) in [
        ("2026-03-08T03:30", -4),
        ("2026-11-01T03:30", -5),
        ("2027-03-14T03:30", -4),
        ("2027-11-07T03:30", -5),
    ] {
        let real = tz
            .from_local_datetime(&at(local))
            .single()
            .unwrap()
            .offset()
            .fix()
            .local_minus_utc()
            / 3600;
        assert_eq!(real, offset, "{local}");
    }
    assert!(text.contains("BEGIN:DAYLIGHT\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\nDTSTART:20260308T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r\nEND:DAYLIGHT"));
    assert!(text.contains("BEGIN:STANDARD\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\nDTSTART:20261101T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\r\nEND:STANDARD"));
    // 2027's transitions follow from the yearly rules: 14 March and 7 November.
    let cal = parse(&text);
    assert_eq!(cal.calendar_events().count(), 2);
}

#[test]
fn without_a_zone_name_times_are_floating() {
    let z = Zone {
        id: String::new(),
        standard: 0,
        daylight: None,
    };
    let text = calendar(
        &plan(),
        &z,
        NaiveDate::from_ymd_opt(2026, 10, 26).unwrap(),
        at("2026-10-26T12:00"),
    );
    assert!(!text.contains("VTIMEZONE"));
    let cal = parse(&text);
    let m = cal.calendar_events().next().unwrap();
    assert_eq!(
        m.get_start(),
        Some(DatePerhapsTime::DateTime(CalendarDateTime::Floating(at(
            "2026-10-26T19:00"
        ))))
    );
}
