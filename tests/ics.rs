//! The calendar export, read back by parsers the ecosystem trusts: `icalendar`'s RFC 5545
//! parser reads every event field by field, and `rrule` (through icalendar) expands the weekly
//! rule in the IANA time zone, so the times are checked across a daylight-saving change.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Utc, Weekday};
use icalendar::{Calendar, CalendarDateTime, Component, DatePerhapsTime, EventLike};
use safety_net::domain::care::{Appointment, AppointmentKind};
use safety_net::domain::ics::{calendar, safe_url, zone_from_offsets, Daylight, Zone};
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
        transitions: Vec::new(),
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
        transitions: Vec::new(),
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

/// The zone as the browser would report it, from the IANA database: the offset at each
/// instant, scanned across the year by the app's own `zone_from_offsets`.
fn zone_of(tz: chrono_tz::Tz, year: i32) -> Zone {
    zone_from_offsets(tz.name().to_string(), year, |ms| {
        let t = Utc.timestamp_millis_opt(ms).unwrap();
        tz.offset_from_utc_datetime(&t.naive_utc())
            .fix()
            .local_minus_utc()
            / 60
    })
}

#[test]
fn zones_are_read_from_every_transition_of_the_year() {
    // New York: the same as the zone written by hand above.
    assert_eq!(zone_of(chrono_tz::America::New_York, 2026), new_york());
    // Sydney: southern hemisphere, daylight time from October to April.
    let sydney = zone_of(chrono_tz::Australia::Sydney, 2026);
    assert_eq!(sydney.standard, 600);
    let d = sydney.daylight.clone().expect("Sydney has daylight time");
    assert_eq!(d.offset, 660);
    assert_eq!(d.starts, at("2026-10-04T02:00"));
    assert_eq!(d.ends, at("2026-04-05T03:00"));
    // Phoenix: no daylight time. Kolkata: a half-hour zone without it.
    for (tz, minutes) in [
        (chrono_tz::America::Phoenix, -420),
        (chrono_tz::Asia::Kolkata, 330),
    ] {
        let z = zone_of(tz, 2026);
        assert_eq!(
            (z.standard, z.daylight.clone(), z.transitions.len()),
            (minutes, None, 0),
            "{}",
            tz.name()
        );
    }
}

/// A weekly 7 pm meeting in `tz`, read back and expanded by rrule: every occurrence is at
/// 7 pm local, whatever the offset that day, and the VTIMEZONE agrees with the database.
fn meets_at_seven_local(tz: chrono_tz::Tz, from: NaiveDate, weeks: usize) {
    let z = zone_of(tz, 2026);
    let mut p = plan();
    p.care.appointments.clear();
    let text = calendar(&p, &z, from, at("2026-01-01T12:00"));
    let cal = parse(&text);
    let m = cal.calendar_events().next().expect("the meeting");
    let set = m.get_recurrence().expect("a recurrence");
    let dates = set.all(u16::try_from(weeks * 2).unwrap()).dates;
    assert_eq!(dates.len(), weeks * 2);
    for d in &dates {
        let local = d.with_timezone(&tz);
        assert_eq!(
            local.format("%H:%M").to_string(),
            "19:00",
            "{}: {d}",
            tz.name()
        );
    }
    // Each offset the VTIMEZONE states is the database's for the moment it names.
    for block in text
        .split("BEGIN:")
        .filter(|b| b.starts_with("DAYLIGHT") || b.starts_with("STANDARD"))
    {
        let get = |k: &str| {
            block
                .split("\r\n")
                .find_map(|l| l.strip_prefix(k))
                .expect(k)
                .to_string()
        };
        let start = NaiveDateTime::parse_from_str(&get("DTSTART:"), "%Y%m%dT%H%M%S").unwrap();
        if start.date().year_ce().1 < 2000 {
            continue;
        }
        let to = get("TZOFFSETTO:");
        let after = start + chrono::Duration::hours(3);
        let real = tz
            .from_local_datetime(&after)
            .earliest()
            .unwrap()
            .offset()
            .fix()
            .local_minus_utc()
            / 60;
        let stated = (if to.starts_with('-') { -1 } else { 1 })
            * (to[1..3].parse::<i32>().unwrap() * 60 + to[3..5].parse::<i32>().unwrap());
        assert_eq!(real, stated, "{}: {block}", tz.name());
    }
}

use chrono::Datelike;

#[test]
fn sydney_phoenix_and_kolkata_keep_the_local_time() {
    // Across Sydney's April and October changes.
    meets_at_seven_local(
        chrono_tz::Australia::Sydney,
        NaiveDate::from_ymd_opt(2026, 3, 23).unwrap(),
        30,
    );
    meets_at_seven_local(
        chrono_tz::America::Phoenix,
        NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
        10,
    );
    meets_at_seven_local(
        chrono_tz::Asia::Kolkata,
        NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
        10,
    );
    meets_at_seven_local(
        chrono_tz::America::New_York,
        NaiveDate::from_ymd_opt(2026, 10, 26).unwrap(),
        4,
    );
}

/// (TRIGGER, ACTION) of each VALARM of an event.
fn alarms_of(e: &icalendar::CalendarEvent<'_>) -> Vec<(String, String)> {
    e.components()
        .iter()
        .filter(|c| c.component_kind() == "VALARM")
        .map(|a| {
            let get = |k: &str| a.property_value(k).unwrap_or_default().to_string();
            (get("TRIGGER"), get("ACTION"))
        })
        .collect()
}

#[test]
fn appointments_sessions_and_refills_remind() {
    use safety_net::domain::care::{Medication, MedicationKind, Therapy, TherapyKind};
    let mut p = plan();
    p.care.therapy.push(Therapy {
        id: Id::parse("t1").unwrap(),
        provider: "Ms. Ortiz".into(),
        kind: TherapyKind::Cbt,
        next_session: Some(at("2026-11-04T16:00")),
        working_on: String::new(),
        phone: String::new(),
    });
    p.care.medications.push(Medication {
        id: Id::parse("med1").unwrap(),
        kind: MedicationKind::BuprenorphineNaloxone,
        name: "Suboxone".into(),
        dose: String::new(),
        schedule: String::new(),
        prescriber: String::new(),
        pharmacy: String::new(),
        next_refill: NaiveDate::from_ymd_opt(2026, 11, 8),
        notes: String::new(),
    });
    let text = calendar(
        &p,
        &new_york(),
        NaiveDate::from_ymd_opt(2026, 10, 26).unwrap(),
        at("2026-10-26T12:00"),
    );
    let cal = parse(&text);
    let events: Vec<_> = cal.calendar_events().collect();
    let find = |s: &str| {
        *events
            .iter()
            .find(|e| e.get_summary() == Some(s))
            .unwrap_or_else(|| panic!("{s}"))
    };
    for (summary, triggers) in [
        ("Appointment: Dr. Park", vec!["-P1D", "-PT1H"]),
        ("Therapy: Ms. Ortiz", vec!["-P1D", "-PT1H"]),
        ("Refill: Suboxone", vec!["-PT15H"]),
    ] {
        let e = find(summary);
        let alarms = alarms_of(&e);
        let got: Vec<&str> = alarms.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(got, triggers, "{summary}");
        assert!(alarms.iter().all(|(_, a)| a == "DISPLAY"));
    }
    assert_eq!(
        find("Refill: Suboxone").get_start(),
        Some(DatePerhapsTime::Date(
            NaiveDate::from_ymd_opt(2026, 11, 8).unwrap()
        ))
    );
    // The meeting keeps no alarm: it repeats every week.
    assert!(alarms_of(&find("Hope Group; NA, Tuesday crowd")).is_empty());
}

#[test]
fn nothing_the_person_typed_breaks_a_line() {
    let mut p = plan();
    let m = &mut p.meetings.list[0];
    m.name = "Group\r\nBEGIN:VEVENT\r\nSUMMARY:injected".into();
    m.link = "https://example.org/a\r\nATTACH:http://evil.example/".into();
    m.notes = "line one\rline two\n".into();
    p.care.appointments[0].place = "Clinic\nX-INJECTED:1".into();
    let text = calendar(
        &p,
        &new_york(),
        NaiveDate::from_ymd_opt(2026, 10, 26).unwrap(),
        at("2026-10-26T12:00"),
    );
    // Only the app's own lines start a property.
    assert_eq!(
        text.split("\r\n").filter(|l| *l == "BEGIN:VEVENT").count(),
        2,
        "{text}"
    );
    for line in text.split("\r\n") {
        assert!(
            !line.starts_with("ATTACH")
                && !line.starts_with("X-INJECTED")
                && !line.starts_with("SUMMARY:injected"),
            "{line}"
        );
        assert!(!line.contains('\r') && !line.contains('\n'));
    }
    assert!(
        !text.contains("URL:"),
        "a link with a line break is left out"
    );
    let cal = parse(&text);
    let e = cal.calendar_events().next().unwrap();
    assert_eq!(
        e.get_summary(),
        Some("Group\nBEGIN:VEVENT\nSUMMARY:injected")
    );
    assert_eq!(
        safe_url(" https://ok.example/x "),
        Some("https://ok.example/x")
    );
    assert_eq!(safe_url("javascript:alert(1)"), None);
    assert_eq!(safe_url("https://a b"), None);
    // A zone name that is not an IANA name is not written.
    let mut z = new_york();
    z.id = "Evil\r\nX:1".into();
    let text = calendar(
        &p,
        &z,
        NaiveDate::from_ymd_opt(2026, 10, 26).unwrap(),
        at("2026-10-26T12:00"),
    );
    assert!(!text.contains("VTIMEZONE") && !text.contains("X:1"));
}
