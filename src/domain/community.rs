//! Community support: the week's meetings, attendance counts and streaks, the fit journal's
//! nudge, and the offline directory, referral scripts and first-meeting checklist (content
//! with its sources).

use super::meetings::{FitDecision, Meeting, Meetings};
use super::resources::{lifeline_988, samhsa_helpline, CrisisLine};
use super::Id;
use chrono::{Datelike, Days, NaiveDate, NaiveTime, Weekday};

pub const WEEK: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

pub use super::dates::{clock_time, day_name};

/// The meetings on a weekday, by start time (those without a time last).
pub fn on_day(m: &Meetings, day: Weekday) -> Vec<&Meeting> {
    let mut v: Vec<(usize, &Meeting)> = m
        .list
        .iter()
        .enumerate()
        .filter(|(_, x)| x.days.contains(&day))
        .collect();
    // Same time: the person's own order.
    super::order::sort_by(&mut v, |(i, x), (j, y)| {
        (x.time.is_none(), x.time, *i) < (y.time.is_none(), y.time, *j)
    });
    v.into_iter().map(|(_, x)| x).collect()
}

/// The next meeting still to start today at or after `now`.
pub fn next_today(m: &Meetings, today: NaiveDate, now: NaiveTime) -> Option<&Meeting> {
    on_day(m, today.weekday())
        .into_iter()
        .find(|x| x.time.is_some_and(|t| t >= now))
}

impl Meetings {
    pub fn attended(&self, meeting: &Id, date: NaiveDate) -> bool {
        self.attendance
            .iter()
            .any(|a| &a.meeting_id == meeting && a.date == date)
    }

    /// Takes back a "went" (an undo, or a mistaken tap).
    pub fn unmark_attended(&mut self, meeting: &Id, date: NaiveDate) {
        self.attendance
            .retain(|a| !(&a.meeting_id == meeting && a.date == date));
    }

    pub fn times_attended(&self, meeting: &Id) -> usize {
        self.attendance
            .iter()
            .filter(|a| &a.meeting_id == meeting)
            .count()
    }
}

/// The Monday of the week a date is in.
pub fn week_start(d: NaiveDate) -> NaiveDate {
    d - Days::new(u64::from(d.weekday().num_days_from_monday()))
}

/// Attendance in numbers: this week, weeks in a row with at least one meeting (this week
/// counts once it has one; an empty week so far does not break the streak), and in all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AttendanceStats {
    pub this_week: usize,
    pub weeks_in_a_row: usize,
    pub total: usize,
}

/// Every meeting the person went to, by date: one for each "I went" on a meeting, and one
/// for a check-in's "I went to a meeting" on a day with no "I went" marked. The one source
/// of attendance for Meetings, Today and the check-in trends.
pub fn meeting_dates(p: &super::Plan) -> Vec<NaiveDate> {
    let mut dates: Vec<NaiveDate> = p.meetings.attendance.iter().map(|a| a.date).collect();
    for c in p.checkins.iter().filter(|c| c.went_to_meeting) {
        if !p.meetings.attendance.iter().any(|a| a.date == c.date) {
            dates.push(c.date);
        }
    }
    super::order::sort(&mut dates);
    dates
}

pub fn attendance_stats(p: &super::Plan, today: NaiveDate) -> AttendanceStats {
    let dates = meeting_dates(p);
    let this = week_start(today);
    let in_week = |start: NaiveDate| {
        let end = start.checked_add_days(Days::new(7)).unwrap_or(start);
        dates
            .iter()
            .filter(|d| **d >= start && **d < end && **d <= today)
            .count()
    };
    let this_week = in_week(this);
    let mut weeks = usize::from(this_week > 0);
    let mut start = this;
    while let Some(before) = start.checked_sub_days(Days::new(7)) {
        start = before;
        if in_week(start) == 0 {
            break;
        }
        weeks = weeks.saturating_add(1);
    }
    AttendanceStats {
        this_week,
        weeks_in_a_row: weeks,
        total: dates.iter().filter(|d| **d <= today).count(),
    }
}

/// Meetings attended in each of the last `weeks` weeks (Monday to Sunday), this week first.
pub fn weekly_counts(p: &super::Plan, today: NaiveDate, weeks: u64) -> Vec<(NaiveDate, usize)> {
    let dates = meeting_dates(p);
    (0..weeks)
        .map(|i| {
            let start = week_start(today)
                .checked_sub_days(Days::new(7 * i))
                .unwrap_or(today);
            let end = start.checked_add_days(Days::new(7)).unwrap_or(start);
            let n = dates.iter().filter(|d| **d >= start && **d < end).count();
            (start, n)
        })
        .collect()
}

/// The fit journal's nudge for a meeting: count, and after three visits, time to decide.
pub fn fit_note(m: &Meetings, meeting: &Meeting) -> String {
    let n = m.times_attended(&meeting.id);
    let times = match n {
        0 => "Not been yet.".to_string(),
        1 => "Been once.".to_string(),
        n => format!("Been {n} times."),
    };
    let advice = match (n, meeting.decision) {
        (_, FitDecision::Keep) => " You're keeping this one.",
        (_, FitDecision::TryAnother) => " You're trying another group: that's fine too.",
        (0..=2, _) => " Try three or four meetings before deciding whether it fits.",
        _ => " Does it fit? Keep going, or try another group.",
    };
    format!("{times}{advice}")
}

/// A place to find support, with where the facts come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Resource {
    pub name: &'static str,
    pub what: &'static str,
    pub who: &'static str,
    pub how: &'static str,
    /// Opened in the browser when tapped; the app itself fetches nothing.
    pub url: &'static str,
    /// Its phone line, from `resources` (where every number lives).
    pub phone: Option<CrisisLine>,
    /// Something to know before going, with its own source in the text's comment.
    pub note: Option<&'static str>,
    pub source: &'static str,
}

/// Beside the twelve-step fellowships named for a drug (NA, HA, PA): medication for OUD.
/// Source: NA World Services, Bulletin #29 "Regarding methadone and other drug replacement
/// programs" (each group decides); NIDA "Words Matter"; SMART Recovery (medication welcome).
pub const MOUD_NOTE: &str = "Taking methadone or buprenorphine? Some groups limit what people on medication may do in meetings, such as sharing or leading; each group decides. Ask the group, look for a medication-friendly meeting, or try SMART Recovery, where medication for opioid use disorder is welcome.";

/// The offline directory (US, national). Verified against ../shared/design/CONTENT-FACTS.md.
pub fn directory() -> [Resource; 9] {
    [
    Resource {
        name: "SAMHSA National Helpline",
        what: "Free, confidential treatment referral and information, 24/7, in English and Spanish.",
        who: "Anyone with a substance use problem, and their families.",
        how: "Call the helpline and say what kind of help you are looking for.",
        url: "https://www.samhsa.gov/find-help/helplines/national-helpline",
        phone: Some(samhsa_helpline()),
        note: None,
        source: "samhsa.gov",
    },
    Resource {
        name: "FindTreatment.gov",
        what: "SAMHSA's locator of licensed treatment: medication for opioid use disorder, counseling, programs.",
        who: "Anyone looking for treatment near them.",
        how: "Search by address or ZIP code; filter for buprenorphine, methadone or naltrexone, payment and language.",
        url: "https://findtreatment.gov",
        phone: None,
        note: None,
        source: "findtreatment.gov (SAMHSA)",
    },
    Resource {
        name: "Narcotics Anonymous meeting search",
        what: "NA meetings worldwide, in person and online: a twelve-step fellowship.",
        who: "Anyone who wants to stop using; open meetings welcome anyone.",
        how: "Search by city or ZIP code, or look for the virtual meetings list.",
        url: "https://www.na.org/meetingsearch/",
        phone: None,
        note: Some(MOUD_NOTE),
        source: "na.org",
    },
    Resource {
        name: "SMART Recovery",
        what: "Science-based mutual support meetings (not twelve-step), in person and online.",
        who: "Anyone recovering from any addiction; family meetings too.",
        how: "Find a meeting on the meetings page; many are online every day.",
        url: "https://smartrecovery.org",
        phone: None,
        note: None,
        source: "smartrecovery.org",
    },
    Resource {
        name: "Nar-Anon Family Groups",
        what: "Twelve-step support for people affected by someone else's addiction.",
        who: "Family and friends of someone who uses.",
        how: "Find a group near you or online on the meetings page.",
        url: "https://www.nar-anon.org",
        phone: None,
        note: None,
        source: "nar-anon.org",
    },
    Resource {
        name: "Pills Anonymous",
        what: "A twelve-step fellowship for recovery from pill addiction.",
        who: "Anyone who wants to stop misusing pills.",
        how: "Look up meetings, including phone and online ones, on the website.",
        url: "https://www.pillsanonymous.org",
        phone: None,
        note: Some(MOUD_NOTE),
        source: "pillsanonymous.org",
    },
    Resource {
        name: "Heroin Anonymous",
        what: "A twelve-step fellowship for recovery from heroin and other opioids.",
        who: "Anyone who wants to stop using heroin or opioids.",
        how: "Find in-person and online meetings on the website.",
        url: "https://heroinanonymous.org",
        phone: None,
        note: Some(MOUD_NOTE),
        source: "heroinanonymous.org",
    },
    Resource {
        name: "Celebrate Recovery",
        what: "A Christ-centered twelve-step recovery program, usually held at churches.",
        who: "Anyone with a hurt, habit or hang-up who is open to a faith-based group.",
        how: "Use the group finder on the website.",
        url: "https://www.celebraterecovery.com",
        phone: None,
        note: None,
        source: "celebraterecovery.com",
    },
    Resource {
        name: "988 Suicide & Crisis Lifeline",
        what: "Free, confidential support 24/7 for any mental-health or substance-use crisis.",
        who: "Anyone in crisis, or worried about someone.",
        how: "Call or text 988, or chat at 988lifeline.org. In Spanish: call 988 and press 2, or text AYUDA to 988.",
        url: "https://988lifeline.org",
        phone: Some(lifeline_988()),
        note: None,
        source: "988lifeline.org; SAMHSA",
    },
    ]
}

/// Scripts for asking for a referral, to copy and adapt.
/// Naloxone (Narcan 4 mg) is sold over the counter since 2023; a prescription can still
/// help insurance pay for it (FDA, March 2023; CONTENT-FACTS.md).
pub const REFERRAL_SCRIPTS: [(&str, &str); 6] = [
    (
        "Asking a doctor",
        "I'm in recovery from opioid use and I want to keep my recovery strong. Could you refer me to a support group, a counselor, or a program that offers medication for opioid use disorder? I'd also like to keep naloxone at home. I know it's sold without a prescription, but would a prescription help my insurance pay for it?",
    ),
    (
        "Asking a therapist",
        "Besides our sessions, I'd like support between them. Do you know of recovery meetings, peer support groups or a recovery coach you would recommend for someone like me?",
    ),
    (
        "Asking a community health center",
        "Hello, I'm looking for help with opioid use disorder. Do you offer treatment, or can you refer me to a program, counseling or a support group nearby? I'd like to know about cost and sliding-scale fees.",
    ),
    (
        "Asking for a peer recovery specialist",
        "I'm in recovery from opioid use and I'd like to talk with someone who has been there. Do you have a peer recovery specialist or recovery coach I could meet with, or can you tell me where to find one?",
    ),
    (
        "Asking a hospital or clinic social worker",
        "I'm in recovery from opioid use and I need help with the practical side: treatment I can afford, insurance, a ride to appointments, housing or food. Could you help me find what's available, and refer me to a recovery program?",
    ),
    (
        "Asking a friend",
        "I'm working on my recovery and I'd like to try a meeting. Do you know a group that's welcoming, or would you come with me the first time?",
    ),
];

/// Suggestions for the first-meeting checklist and for after the first few meetings; the
/// person adds, edits, ticks or ignores each. Sources: NA newcomer information (na.org);
/// SMART Recovery, "Your first meeting" (smartrecovery.org).
/// Also: NA, "An Introduction to NA Meetings" (anonymity; a higher power of your own
/// understanding); SAMHSA, peer support (practical barriers such as childcare and transport).
pub const FIRST_MEETING_IDEAS: [&str; 9] = [
    "Check the format: in person or online, open (anyone welcome) or closed (for people who want to stop using)",
    "Plan how to get there, or test the link and sound",
    "Arrive 10 minutes early",
    "Remember: I don't have to share. Listening is enough",
    "Open meetings welcome anyone, family and friends too",
    "There is no fee; giving to the collection is optional",
    "I can stay anonymous: my first name is enough, or no name at all",
    "“Higher power” means whatever works for me; I don't have to be religious",
    "Arrange childcare or a ride if I need them",
];

pub const AFTER_FIRST_FEW_IDEAS: [&str; 4] = [
    "Introduce myself by first name",
    "Exchange numbers with one or two people",
    "Ask about a sponsor or mentor",
    "Take a small service commitment: chairs, coffee",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::meetings::{Access, Fellowship, MeetingFormat, MeetingStyle};

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    pub fn meeting(n: u64, days: Vec<Weekday>, time: Option<&str>) -> Meeting {
        Meeting {
            id: Id::generate(n, n),
            name: format!("m{n}"),
            fellowship: Fellowship::NarcoticsAnonymous,
            format: MeetingFormat::InPerson,
            address: String::new(),
            link: String::new(),
            access: Access::Open,
            style: MeetingStyle::Discussion,
            days,
            time: time.map(|t| NaiveTime::parse_from_str(t, "%H:%M").unwrap()),
            duration_minutes: None,
            notes: String::new(),
            liked: String::new(),
            disliked: String::new(),
            decision: FitDecision::Undecided,
        }
    }

    #[test]
    fn the_day_is_in_time_order_and_the_next_one_is_found() {
        let mut m = Meetings::default();
        m.list.push(meeting(1, vec![Weekday::Mon], Some("19:00")));
        m.list
            .push(meeting(2, vec![Weekday::Mon, Weekday::Wed], Some("07:30")));
        m.list.push(meeting(3, vec![Weekday::Mon], None));
        let names: Vec<_> = on_day(&m, Weekday::Mon)
            .iter()
            .map(|x| x.name.clone())
            .collect();
        assert_eq!(names, ["m2", "m1", "m3"]);
        let monday = d("2026-11-23");
        let at = |t| NaiveTime::parse_from_str(t, "%H:%M").unwrap();
        assert_eq!(
            next_today(&m, monday, at("08:00")).map(|x| x.name.as_str()),
            Some("m1")
        );
        assert_eq!(next_today(&m, monday, at("19:01")), None);
        assert_eq!(clock_time(at("19:05")), "7:05 pm");
        assert_eq!(clock_time(at("00:30")), "12:30 am");
    }

    #[test]
    fn weeks_in_a_row_and_counts() {
        let mut p = crate::domain::Plan::default();
        let m = &mut p.meetings;
        let id = Id::generate(1, 1);
        for day in ["2026-11-02", "2026-11-10", "2026-11-12", "2026-11-17"] {
            m.mark_attended(&id, d(day));
        }
        // Monday 23 November: nothing yet this week, three weeks in a row before it.
        let s = attendance_stats(&p, d("2026-11-23"));
        assert_eq!((s.this_week, s.weeks_in_a_row, s.total), (0, 3, 4));
        p.meetings.mark_attended(&id, d("2026-11-23"));
        let s = attendance_stats(&p, d("2026-11-23"));
        assert_eq!((s.this_week, s.weeks_in_a_row, s.total), (1, 4, 5));
        p.meetings.unmark_attended(&id, d("2026-11-23"));
        assert!(!p.meetings.attended(&id, d("2026-11-23")));
        let counts: Vec<usize> = weekly_counts(&p, d("2026-11-23"), 4)
            .iter()
            .map(|c| c.1)
            .collect();
        assert_eq!(counts, [0, 1, 2, 1]);
        assert_eq!(weekly_counts(&p, d("2026-11-23"), 1)[0].0, d("2026-11-23"));
        // A gap week ends the streak.
        let s = attendance_stats(&p, d("2026-12-07"));
        assert_eq!(s.weeks_in_a_row, 0);
    }

    #[test]
    fn a_meeting_ticked_in_a_check_in_counts_once() {
        let mut p = crate::domain::Plan::default();
        let id = Id::generate(1, 1);
        p.meetings.mark_attended(&id, d("2026-11-16"));
        for day in ["2026-11-16", "2026-11-10"] {
            let mut c = crate::domain::checkin::CheckIn::new(d(day));
            c.went_to_meeting = true;
            crate::domain::checkin::upsert(&mut p.checkins, c);
        }
        // The 16th is counted once; the 10th comes from the check-in alone.
        assert_eq!(meeting_dates(&p), [d("2026-11-10"), d("2026-11-16")]);
        let s = attendance_stats(&p, d("2026-11-23"));
        assert_eq!((s.weeks_in_a_row, s.total), (2, 2));
        assert_eq!(
            crate::domain::trends::streaks(&p, d("2026-11-23")).meeting_weeks,
            2
        );
    }

    #[test]
    fn the_fit_journal_waits_three_meetings_before_asking() {
        let mut m = Meetings::default();
        m.list.push(meeting(1, vec![Weekday::Mon], Some("19:00")));
        let id = m.list[0].id.clone();
        assert!(fit_note(&m, &m.list[0]).contains("Try three or four"));
        for day in ["2026-11-02", "2026-11-09", "2026-11-16"] {
            m.mark_attended(&id, d(day));
        }
        assert_eq!(
            fit_note(&m, &m.list[0]),
            "Been 3 times. Does it fit? Keep going, or try another group."
        );
    }

    #[test]
    fn every_directory_entry_has_a_source_and_a_secure_link() {
        for r in &directory() {
            assert!(!r.source.is_empty(), "{}", r.name);
            assert!(r.url.starts_with("https://"), "{}", r.name);
            assert!(!r.what.is_empty() && !r.who.is_empty() && !r.how.is_empty());
        }
        let names: Vec<_> = directory().iter().map(|r| r.name).collect();
        for want in [
            "SAMHSA",
            "FindTreatment",
            "Narcotics Anonymous",
            "SMART",
            "Nar-Anon",
            "Pills",
            "Heroin",
            "Celebrate",
            "988",
        ] {
            assert!(names.iter().any(|n| n.contains(want)), "{want}");
        }
    }

    #[test]
    fn what_people_on_medication_and_newcomers_need_to_know() {
        // Beside NA, HA and PA: some groups limit what people on MOUD may do; SMART welcomes it.
        for r in &directory() {
            let drug_named = ["Narcotics", "Pills", "Heroin"]
                .iter()
                .any(|n| r.name.contains(n));
            assert_eq!(r.note == Some(MOUD_NOTE), drug_named, "{}", r.name);
        }
        assert!(
            MOUD_NOTE.contains("methadone or buprenorphine")
                && MOUD_NOTE.contains("SMART Recovery")
        );
        assert_eq!(
            directory()
                .iter()
                .filter(|r| r.note.is_some_and(|n| n.contains("each group decides")))
                .count(),
            3
        );
        // The referral scripts: no naloxone *prescription* asked for; the two new ones.
        let titles: Vec<_> = REFERRAL_SCRIPTS.iter().map(|(t, _)| *t).collect();
        assert!(titles
            .iter()
            .any(|t| t.contains("peer recovery specialist")));
        assert!(titles.iter().any(|t| t.contains("social worker")));
        assert!(REFERRAL_SCRIPTS
            .iter()
            .all(|(_, s)| !s.contains("naloxone prescription")));
        // First-meeting ideas: anonymity, "higher power", childcare or a ride.
        let ideas = FIRST_MEETING_IDEAS.join(" ");
        for want in ["anonymous", "Higher power", "childcare"] {
            assert!(ideas.contains(want), "{want}");
        }
    }
}
