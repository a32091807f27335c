//! Community support: the week's meetings, attendance counts and streaks, the fit journal's
//! nudge, and the offline directory, referral scripts and first-meeting checklist (content
//! with its sources).

use super::meetings::{FitDecision, Meeting, Meetings};
use super::resources::{lifeline_988_in, samhsa_helpline_in, CrisisLine};
use super::Id;
use crate::i18n::td_string;
use crate::lang::{self, Locale};
use chrono::{Datelike, Days, NaiveDate, NaiveTime, Weekday};
use std::sync::LazyLock;

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
/// The words are in locales/<lang>/meetings.json, fit.
pub fn fit_note(m: &Meetings, meeting: &Meeting) -> String {
    fit_note_in(lang::current(), m, meeting)
}

pub fn fit_note_in(l: Locale, m: &Meetings, meeting: &Meeting) -> String {
    let n = m.times_attended(&meeting.id);
    let times = match n {
        0 => td_string!(l, meetings.fit.times_zero).to_string(),
        1 => td_string!(l, meetings.fit.times_one).to_string(),
        n => td_string!(l, meetings.fit.times_many, n = n),
    };
    let advice = match (n, meeting.decision) {
        (_, FitDecision::Keep) => td_string!(l, meetings.fit.keep),
        (_, FitDecision::TryAnother) => td_string!(l, meetings.fit.try_another),
        (0..=2, _) => td_string!(l, meetings.fit.too_soon),
        _ => td_string!(l, meetings.fit.decide),
    };
    format!("{times} {advice}")
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
/// Spanish: a faithful translation (traducción fiel) of the English, locales/es/meetings.json.
pub fn moud_note() -> &'static str {
    moud_note_in(lang::current())
}

pub fn moud_note_in(l: Locale) -> &'static str {
    td_string!(l, meetings.moud_note)
}

/// The offline directory (US, national). Verified against ../shared/design/CONTENT-FACTS.md.
/// The text is in locales/<lang>/meetings.json, directory; names that are proper names
/// stay as they are. The Spanish is a faithful translation (traducción fiel), except what it
/// adds about Spanish resources, each checked and named in its own `source`:
/// - NA: recovery literature in Spanish on na.org (e.g. na.org/e-lit/como-funciona,
///   "Cómo funciona"); NA's own Spanish name, Narcóticos Anónimos.
/// - SMART Recovery: smartrecovery.es, SMART Recovery's site in Spanish (Spain; its
///   "Nuestra historia" says the materials were translated into Spanish in 2003).
/// - Nar-Anon: nar-anon.org's pages in Spanish for some countries (nar-anon.org/colombia-site,
///   nar-anon.org/uruguay), which give the name "Grupos de Familia Nar-Anon".
///
/// No Spanish meetings are named: none could be checked.
pub fn directory() -> [Resource; 9] {
    directory_in(lang::current())
}

pub fn directory_in(l: Locale) -> [Resource; 9] {
    let samhsa = samhsa_helpline_in(l);
    let l988 = lifeline_988_in(l);
    [
        Resource {
            name: samhsa.name,
            what: td_string!(l, meetings.directory.samhsa.what),
            who: td_string!(l, meetings.directory.samhsa.who),
            how: td_string!(l, meetings.directory.samhsa.how),
            url: "https://www.samhsa.gov/find-help/helplines/national-helpline",
            phone: Some(samhsa),
            note: None,
            source: td_string!(l, meetings.directory.samhsa.source),
        },
        Resource {
            name: "FindTreatment.gov",
            what: td_string!(l, meetings.directory.findtreatment.what),
            who: td_string!(l, meetings.directory.findtreatment.who),
            how: td_string!(l, meetings.directory.findtreatment.how),
            url: "https://findtreatment.gov",
            phone: None,
            note: None,
            source: td_string!(l, meetings.directory.findtreatment.source),
        },
        Resource {
            name: td_string!(l, meetings.directory.na.name),
            what: td_string!(l, meetings.directory.na.what),
            who: td_string!(l, meetings.directory.na.who),
            how: td_string!(l, meetings.directory.na.how),
            url: "https://www.na.org/meetingsearch/",
            phone: None,
            note: Some(moud_note_in(l)),
            source: td_string!(l, meetings.directory.na.source),
        },
        Resource {
            name: "SMART Recovery",
            what: td_string!(l, meetings.directory.smart.what),
            who: td_string!(l, meetings.directory.smart.who),
            how: td_string!(l, meetings.directory.smart.how),
            url: "https://smartrecovery.org",
            phone: None,
            note: None,
            source: td_string!(l, meetings.directory.smart.source),
        },
        Resource {
            name: td_string!(l, meetings.directory.naranon.name),
            what: td_string!(l, meetings.directory.naranon.what),
            who: td_string!(l, meetings.directory.naranon.who),
            how: td_string!(l, meetings.directory.naranon.how),
            url: "https://www.nar-anon.org",
            phone: None,
            note: None,
            source: td_string!(l, meetings.directory.naranon.source),
        },
        Resource {
            name: "Pills Anonymous",
            what: td_string!(l, meetings.directory.pa.what),
            who: td_string!(l, meetings.directory.pa.who),
            how: td_string!(l, meetings.directory.pa.how),
            url: "https://www.pillsanonymous.org",
            phone: None,
            note: Some(moud_note_in(l)),
            source: td_string!(l, meetings.directory.pa.source),
        },
        Resource {
            name: "Heroin Anonymous",
            what: td_string!(l, meetings.directory.ha.what),
            who: td_string!(l, meetings.directory.ha.who),
            how: td_string!(l, meetings.directory.ha.how),
            url: "https://heroinanonymous.org",
            phone: None,
            note: Some(moud_note_in(l)),
            source: td_string!(l, meetings.directory.ha.source),
        },
        Resource {
            name: "Celebrate Recovery",
            what: td_string!(l, meetings.directory.cr.what),
            who: td_string!(l, meetings.directory.cr.who),
            how: td_string!(l, meetings.directory.cr.how),
            url: "https://www.celebraterecovery.com",
            phone: None,
            note: None,
            source: td_string!(l, meetings.directory.cr.source),
        },
        Resource {
            name: l988.name,
            what: td_string!(l, meetings.directory.l988.what),
            who: td_string!(l, meetings.directory.l988.who),
            how: td_string!(l, meetings.directory.l988.how),
            url: "https://988lifeline.org",
            phone: Some(l988),
            note: None,
            // Spanish: 988lifeline.org, "What to expect" (press 2; text AYUDA).
            source: td_string!(l, meetings.directory.l988.source),
        },
    ]
}

/// Scripts for asking for a referral, to copy and adapt: (title, text).
/// Naloxone (Narcan 4 mg) is sold over the counter since 2023; a prescription can still
/// help insurance pay for it (FDA, March 2023; CONTENT-FACTS.md). Spanish: a faithful
/// translation (traducción fiel), usted to professionals and tú to a friend.
pub fn referral_scripts() -> [(&'static str, &'static str); 6] {
    referral_scripts_in(lang::current())
}

pub fn referral_scripts_in(l: Locale) -> [(&'static str, &'static str); 6] {
    [
        (
            td_string!(l, meetings.scripts.doctor.title),
            td_string!(l, meetings.scripts.doctor.text),
        ),
        (
            td_string!(l, meetings.scripts.therapist.title),
            td_string!(l, meetings.scripts.therapist.text),
        ),
        (
            td_string!(l, meetings.scripts.health_center.title),
            td_string!(l, meetings.scripts.health_center.text),
        ),
        (
            td_string!(l, meetings.scripts.peer.title),
            td_string!(l, meetings.scripts.peer.text),
        ),
        (
            td_string!(l, meetings.scripts.social_worker.title),
            td_string!(l, meetings.scripts.social_worker.text),
        ),
        (
            td_string!(l, meetings.scripts.friend.title),
            td_string!(l, meetings.scripts.friend.text),
        ),
    ]
}

/// Suggestions for the first-meeting checklist and for after the first few meetings; the
/// person adds, edits, ticks or ignores each. Sources: NA newcomer information (na.org);
/// SMART Recovery, "Your first meeting" (smartrecovery.org).
/// Also: NA, "An Introduction to NA Meetings" (anonymity; a higher power of your own
/// understanding); SAMHSA, peer support (practical barriers such as childcare and transport).
/// Spanish: a faithful translation (traducción fiel). An idea once added is the person's own
/// text, kept in the language it was added in.
///
/// A list of the language's ideas for the whole run (the checklist takes a `'static`
/// slice): made once per language, not per drawing.
pub fn first_meeting_ideas() -> &'static [&'static str] {
    static EN: LazyLock<[&str; 9]> = LazyLock::new(|| first_meeting_ideas_in(Locale::en));
    static ES: LazyLock<[&str; 9]> = LazyLock::new(|| first_meeting_ideas_in(Locale::es));
    match lang::current() {
        Locale::en => &*EN,
        Locale::es => &*ES,
    }
}

pub fn first_meeting_ideas_in(l: Locale) -> [&'static str; 9] {
    [
        td_string!(l, meetings.first_ideas.format),
        td_string!(l, meetings.first_ideas.getting_there),
        td_string!(l, meetings.first_ideas.early),
        td_string!(l, meetings.first_ideas.no_sharing),
        td_string!(l, meetings.first_ideas.open),
        td_string!(l, meetings.first_ideas.no_fee),
        td_string!(l, meetings.first_ideas.anonymous),
        td_string!(l, meetings.first_ideas.higher_power),
        td_string!(l, meetings.first_ideas.childcare),
    ]
}

/// As [`first_meeting_ideas`], for after the first few meetings.
pub fn after_first_few_ideas() -> &'static [&'static str] {
    static EN: LazyLock<[&str; 4]> = LazyLock::new(|| after_first_few_ideas_in(Locale::en));
    static ES: LazyLock<[&str; 4]> = LazyLock::new(|| after_first_few_ideas_in(Locale::es));
    match lang::current() {
        Locale::en => &*EN,
        Locale::es => &*ES,
    }
}

pub fn after_first_few_ideas_in(l: Locale) -> [&'static str; 4] {
    [
        td_string!(l, meetings.after_ideas.introduce),
        td_string!(l, meetings.after_ideas.numbers),
        td_string!(l, meetings.after_ideas.sponsor),
        td_string!(l, meetings.after_ideas.service),
    ]
}

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
            assert_eq!(r.note == Some(moud_note()), drug_named, "{}", r.name);
        }
        assert!(
            moud_note().contains("methadone or buprenorphine")
                && moud_note().contains("SMART Recovery")
        );
        assert_eq!(
            directory()
                .iter()
                .filter(|r| r.note.is_some_and(|n| n.contains("each group decides")))
                .count(),
            3
        );
        // The referral scripts: no naloxone *prescription* asked for; the two new ones.
        let titles: Vec<_> = referral_scripts().iter().map(|(t, _)| *t).collect();
        assert!(titles
            .iter()
            .any(|t| t.contains("peer recovery specialist")));
        assert!(titles.iter().any(|t| t.contains("social worker")));
        assert!(referral_scripts()
            .iter()
            .all(|(_, s)| !s.contains("naloxone prescription")));
        // First-meeting ideas: anonymity, "higher power", childcare or a ride.
        let ideas = first_meeting_ideas().join(" ");
        for want in ["anonymous", "Higher power", "childcare"] {
            assert!(ideas.contains(want), "{want}");
        }
    }

    #[test]
    fn the_directory_scripts_and_ideas_in_spanish() {
        let (en, es) = (directory_in(Locale::en), directory_in(Locale::es));
        // The same places, links and phones in both languages; only the words change.
        for (a, b) in en.iter().zip(es.iter()) {
            assert_eq!(a.url, b.url);
            assert_eq!(a.phone.map(|p| p.call), b.phone.map(|p| p.call));
            assert_eq!(a.note.is_some(), b.note.is_some());
            assert_ne!(a.what, b.what);
        }
        assert!(es.iter().any(|r| r.name == "Grupos de Familia Nar-Anon"));
        assert!(es
            .iter()
            .filter_map(|r| r.note)
            .all(|n| n == moud_note_in(Locale::es) && n.contains("cada grupo decide")));
        assert_eq!(referral_scripts_in(Locale::es)[5].0, "Pedirle a un amigo");
        assert_eq!(
            first_meeting_ideas_in(Locale::es)[2],
            "Llegar 10 minutos antes"
        );
        assert_eq!(
            after_first_few_ideas_in(Locale::en),
            after_first_few_ideas()
        );
        let mut m = Meetings::default();
        m.list.push(meeting(1, vec![Weekday::Mon], Some("19:00")));
        assert_eq!(
            fit_note_in(Locale::es, &m, &m.list[0]),
            "Aún no ha ido. Pruebe tres o cuatro reuniones antes de decidir si el grupo es para usted."
        );
    }
}
