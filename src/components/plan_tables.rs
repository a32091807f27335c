//! Every list of the plan as a table for [`RecordList`](super::record_list::RecordList):
//! where it lives, how to add and delete, and its fields. Data, not view code, so a new
//! list costs almost nothing in the download.
//!
//! Each kind of record reads and writes its fields by key ([`Record`]), so a field is one
//! line of data: no code per field (measured: a closure per field cost several KB gzip).

use super::record_list::{Field, Input, Records, Restore};
use crate::domain::care::{
    Appointment, AppointmentKind, Medication, MedicationKind, Therapy, TherapyKind,
};
use crate::domain::community::{day_name, fit_note, WEEK};
use crate::domain::contacts::{Role, SupportPerson};
use crate::domain::goals::{Goal, LifeArea};
use crate::domain::list::{HasId, OrderedList};
use crate::domain::meetings::{
    Access, ChecklistItem, Fellowship, FitDecision, Meeting, MeetingFormat, MeetingStyle,
};
use crate::domain::milestones::{PersonalMilestone, Slip};
use crate::domain::naloxone::NaloxoneKit;
use crate::domain::relapse::{CopingStrategy, Trigger, TriggerKind};
use crate::domain::words::{from_word, word};
use crate::domain::{datefmt, Entry, Id, Plan};
use chrono::{NaiveDate, NaiveDateTime};

/// A record whose fields are read and written as text, by the field's key.
pub trait Record: HasId + Sized + 'static {
    /// A new record from the text of the add field.
    fn create(id: Id, text: String) -> Self;
    /// Its short name (for "Delete this …: name").
    fn name(&self) -> String;
    fn get(&self, key: &str) -> String;
    fn set(&mut self, key: &str, v: &str);
}

/// Where a list of records is in the plan.
pub trait List: 'static {
    type Item: Record;
    fn of(p: &Plan) -> &Vec<Self::Item>;
    fn of_mut(p: &mut Plan) -> &mut Vec<Self::Item>;
}

pub fn ids<T: HasId>(v: &[T]) -> Vec<Id> {
    v.iter().map(|t| t.id().clone()).collect()
}

fn read<L: List>(p: &Plan, id: &Id, key: &str) -> String {
    L::of(p).find(id).map(|r| r.get(key)).unwrap_or_default()
}

fn write<L: List>(p: &mut Plan, id: &Id, key: &str, v: &str) {
    if let Some(r) = L::of_mut(p).find_mut(id) {
        r.set(key, v);
    }
}

fn remove<L: List>(p: &mut Plan, id: &Id) -> Option<Restore> {
    let r = L::of_mut(p).remove_id(id)?;
    Some(Box::new(move |p: &mut Plan| L::of_mut(p).restore(r)))
}

fn shift<L: List>(p: &mut Plan, id: &Id, by: isize) {
    L::of_mut(p).shift(id, by);
}

/// The table of list `L` with these fields.
const fn table<L: List>(fields: &'static [Field], ordered: bool) -> Records {
    Records {
        ids: |p| ids(L::of(p)),
        name: |p, id| L::of(p).find(id).map(Record::name).unwrap_or_default(),
        add: |p, id, text| L::of_mut(p).push(L::Item::create(id, text)),
        remove: remove::<L>,
        shift: if ordered { Some(shift::<L>) } else { None },
        fields,
    }
}

/// A field of list `L`, read and written through its records' [`Record`] impl.
const fn field<L: List>(key: &'static str, label: &'static str, input: Input) -> Field {
    Field {
        key,
        label,
        input,
        get: read::<L>,
        set: write::<L>,
    }
}

macro_rules! list {
    ($($m:ident: $t:ty = [$($path:ident).+];)+) => {
        $(
            pub struct $m;
            impl List for $m {
                type Item = $t;
                fn of(p: &Plan) -> &Vec<$t> {
                    &p.$($path).+
                }
                fn of_mut(p: &mut Plan) -> &mut Vec<$t> {
                    &mut p.$($path).+
                }
            }
        )+
    };
}

list! {
    People: SupportPerson = [people];
    KeepDistance: Entry = [keep_distance];
    Medications: Medication = [care.medications];
    Appointments: Appointment = [care.appointments];
    Therapies: Therapy = [care.therapy];
    Goals: Goal = [goals];
    Reasons: Entry = [relapse.reasons];
    WarningSigns: Entry = [relapse.warning_signs];
    Places: Entry = [relapse.places_to_avoid];
    CrisisSteps: Entry = [crisis_steps];
    SlipSteps: Entry = [slip_steps];
    Triggers: Trigger = [relapse.triggers];
    Coping: CopingStrategy = [relapse.coping];
    Kits: NaloxoneKit = [naloxone_kits];
    MeetingList: Meeting = [meetings.list];
    FirstMeetingList: ChecklistItem = [meetings.first_meeting];
    AfterFirstFewList: ChecklistItem = [meetings.after_first_few];
    Slips: Slip = [recovery.slips];
    Personal: PersonalMilestone = [recovery.personal];
}

fn date_text(d: Option<NaiveDate>) -> String {
    d.map(datefmt::write_date).unwrap_or_default()
}

/// The browser's date-time field takes minutes, not seconds.
fn datetime_text(t: Option<NaiveDateTime>) -> String {
    t.map(|t| datefmt::write_datetime(t)[..16].to_string())
        .unwrap_or_default()
}

impl Record for Entry {
    fn create(id: Id, text: String) -> Self {
        Entry::new(id, text)
    }
    fn name(&self) -> String {
        self.text.clone()
    }
    fn get(&self, _: &str) -> String {
        self.text.clone()
    }
    fn set(&mut self, _: &str, v: &str) {
        self.text = v.into();
    }
}

impl Record for ChecklistItem {
    fn create(id: Id, text: String) -> Self {
        ChecklistItem {
            id,
            text,
            done: false,
        }
    }
    fn name(&self) -> String {
        self.text.clone()
    }
    fn get(&self, key: &str) -> String {
        match key {
            "done" => self.done.to_string(),
            _ => self.text.clone(),
        }
    }
    fn set(&mut self, key: &str, v: &str) {
        match key {
            "done" => self.done = v == "true",
            _ => self.text = v.into(),
        }
    }
}

impl Record for SupportPerson {
    fn create(id: Id, name: String) -> Self {
        SupportPerson {
            id,
            name,
            role: Role::Other,
            phone: String::new(),
            call_in_crisis: false,
            best_times: String::new(),
            crisis_message: String::new(),
            notes: String::new(),
        }
    }
    fn name(&self) -> String {
        self.name.clone()
    }
    fn get(&self, key: &str) -> String {
        match key {
            "role" => word(&self.role),
            "phone" => self.phone.clone(),
            "crisis" => self.call_in_crisis.to_string(),
            "times" => self.best_times.clone(),
            "message" => self.crisis_message.clone(),
            "notes" => self.notes.clone(),
            _ => self.name.clone(),
        }
    }
    fn set(&mut self, key: &str, v: &str) {
        match key {
            "role" => self.role = from_word(v).unwrap_or(self.role),
            "phone" => self.phone = v.into(),
            "crisis" => self.call_in_crisis = v == "true",
            "times" => self.best_times = v.into(),
            "message" => self.crisis_message = v.into(),
            "notes" => self.notes = v.into(),
            _ => self.name = v.into(),
        }
    }
}

impl Record for Medication {
    fn create(id: Id, name: String) -> Self {
        Medication {
            id,
            kind: MedicationKind::Other,
            name,
            dose: String::new(),
            schedule: String::new(),
            prescriber: String::new(),
            pharmacy: String::new(),
            next_refill: None,
            notes: String::new(),
        }
    }
    fn name(&self) -> String {
        self.name.clone()
    }
    fn get(&self, key: &str) -> String {
        match key {
            "kind" => word(&self.kind),
            "dose" => self.dose.clone(),
            "schedule" => self.schedule.clone(),
            "prescriber" => self.prescriber.clone(),
            "pharmacy" => self.pharmacy.clone(),
            "refill" => date_text(self.next_refill),
            "notes" => self.notes.clone(),
            _ => self.name.clone(),
        }
    }
    fn set(&mut self, key: &str, v: &str) {
        match key {
            "kind" => self.kind = from_word(v).unwrap_or(self.kind),
            "dose" => self.dose = v.into(),
            "schedule" => self.schedule = v.into(),
            "prescriber" => self.prescriber = v.into(),
            "pharmacy" => self.pharmacy = v.into(),
            "refill" => self.next_refill = datefmt::parse_date(v),
            "notes" => self.notes = v.into(),
            _ => self.name = v.into(),
        }
    }
}

impl Record for Appointment {
    fn create(id: Id, with_whom: String) -> Self {
        Appointment {
            id,
            kind: AppointmentKind::Other,
            with_whom,
            at: None,
            place: String::new(),
            notes: String::new(),
        }
    }
    fn name(&self) -> String {
        self.with_whom.clone()
    }
    fn get(&self, key: &str) -> String {
        match key {
            "kind" => word(&self.kind),
            "at" => datetime_text(self.at),
            "place" => self.place.clone(),
            "notes" => self.notes.clone(),
            _ => self.with_whom.clone(),
        }
    }
    fn set(&mut self, key: &str, v: &str) {
        match key {
            "kind" => self.kind = from_word(v).unwrap_or(self.kind),
            "at" => self.at = datefmt::parse_datetime(v),
            "place" => self.place = v.into(),
            "notes" => self.notes = v.into(),
            _ => self.with_whom = v.into(),
        }
    }
}

impl Record for Therapy {
    fn create(id: Id, provider: String) -> Self {
        Therapy {
            id,
            provider,
            kind: TherapyKind::Other,
            next_session: None,
            working_on: String::new(),
            phone: String::new(),
        }
    }
    fn name(&self) -> String {
        self.provider.clone()
    }
    fn get(&self, key: &str) -> String {
        match key {
            "kind" => word(&self.kind),
            "next" => datetime_text(self.next_session),
            "work" => self.working_on.clone(),
            "phone" => self.phone.clone(),
            _ => self.provider.clone(),
        }
    }
    fn set(&mut self, key: &str, v: &str) {
        match key {
            "kind" => self.kind = from_word(v).unwrap_or(self.kind),
            "next" => self.next_session = datefmt::parse_datetime(v),
            "work" => self.working_on = v.into(),
            "phone" => self.phone = v.into(),
            _ => self.provider = v.into(),
        }
    }
}

impl Record for Goal {
    fn create(id: Id, goal: String) -> Self {
        Goal {
            id,
            area: LifeArea::Other,
            goal,
            next_step: String::new(),
            done: false,
        }
    }
    fn name(&self) -> String {
        self.goal.clone()
    }
    fn get(&self, key: &str) -> String {
        match key {
            "area" => word(&self.area),
            "step" => self.next_step.clone(),
            "done" => self.done.to_string(),
            _ => self.goal.clone(),
        }
    }
    fn set(&mut self, key: &str, v: &str) {
        match key {
            "area" => self.area = from_word(v).unwrap_or(self.area),
            "step" => self.next_step = v.into(),
            "done" => self.done = v == "true",
            _ => self.goal = v.into(),
        }
    }
}

impl Record for Trigger {
    fn create(id: Id, text: String) -> Self {
        Trigger {
            id,
            kind: TriggerKind::Feeling,
            text,
        }
    }
    fn name(&self) -> String {
        self.text.clone()
    }
    fn get(&self, key: &str) -> String {
        match key {
            "kind" => word(&self.kind),
            _ => self.text.clone(),
        }
    }
    fn set(&mut self, key: &str, v: &str) {
        match key {
            "kind" => self.kind = from_word(v).unwrap_or(self.kind),
            _ => self.text = v.into(),
        }
    }
}

impl Record for CopingStrategy {
    fn create(id: Id, text: String) -> Self {
        CopingStrategy {
            id,
            text,
            trigger_ids: Vec::new(),
        }
    }
    fn name(&self) -> String {
        self.text.clone()
    }
    fn get(&self, key: &str) -> String {
        match key {
            "links" => self
                .trigger_ids
                .iter()
                .map(Id::as_str)
                .collect::<Vec<_>>()
                .join(" "),
            _ => self.text.clone(),
        }
    }
    fn set(&mut self, _: &str, v: &str) {
        self.text = v.into();
    }
}

impl Record for NaloxoneKit {
    fn create(id: Id, location: String) -> Self {
        NaloxoneKit::new(id, location)
    }
    fn name(&self) -> String {
        self.location.clone()
    }
    fn get(&self, key: &str) -> String {
        match key {
            "kind" => word(&self.kind),
            "expires" => date_text(self.expires),
            "doses" => self.doses.to_string(),
            "who" => self.who_knows.clone(),
            "trained" => self.others_trained.to_string(),
            _ => self.location.clone(),
        }
    }
    fn set(&mut self, key: &str, v: &str) {
        match key {
            "kind" => self.kind = from_word(v).unwrap_or(self.kind),
            "expires" => self.expires = datefmt::parse_date(v),
            "doses" => self.doses = v.trim().parse::<u8>().map_or(self.doses, |n| n.min(20)),
            "who" => self.who_knows = v.into(),
            "trained" => self.others_trained = v == "true",
            // A kit keeps a place: an emptied field is not saved.
            _ if v.trim().is_empty() => {}
            _ => self.location = v.into(),
        }
    }
}

impl Record for Meeting {
    fn create(id: Id, name: String) -> Self {
        Meeting {
            id,
            name,
            fellowship: Fellowship::NarcoticsAnonymous,
            format: MeetingFormat::InPerson,
            address: String::new(),
            link: String::new(),
            access: Access::NotSure,
            style: MeetingStyle::Discussion,
            days: Vec::new(),
            time: None,
            duration_minutes: None,
            notes: String::new(),
            liked: String::new(),
            disliked: String::new(),
            decision: FitDecision::Undecided,
        }
    }
    fn name(&self) -> String {
        self.name.clone()
    }
    fn get(&self, key: &str) -> String {
        match key {
            "kind" => word(&self.fellowship),
            "format" => word(&self.format),
            "address" => self.address.clone(),
            "link" => self.link.clone(),
            "access" => word(&self.access),
            "style" => word(&self.style),
            "days" => self
                .days
                .iter()
                .map(|d| datefmt::weekday_name(*d))
                .collect::<Vec<_>>()
                .join(" "),
            "time" => self
                .time
                .map(|t| datefmt::write_time(t)[..5].to_string())
                .unwrap_or_default(),
            "minutes" => self
                .duration_minutes
                .map(|n| n.to_string())
                .unwrap_or_default(),
            "notes" => self.notes.clone(),
            "liked" => self.liked.clone(),
            "disliked" => self.disliked.clone(),
            "decision" => word(&self.decision),
            _ => self.name.clone(),
        }
    }
    fn set(&mut self, key: &str, v: &str) {
        match key {
            "kind" => self.fellowship = from_word(v).unwrap_or(self.fellowship),
            "format" => self.format = from_word(v).unwrap_or(self.format),
            "address" => self.address = v.into(),
            "link" => self.link = v.into(),
            "access" => self.access = from_word(v).unwrap_or(self.access),
            "style" => self.style = from_word(v).unwrap_or(self.style),
            "days" => {
                if let Some((day, on)) = v.split_once(' ') {
                    if let Some(day) = datefmt::parse_weekday(day) {
                        self.days.retain(|d| *d != day);
                        if on == "true" {
                            self.days.push(day);
                        }
                    }
                }
            }
            "time" => self.time = datefmt::parse_time(v),
            "minutes" => {
                self.duration_minutes = v
                    .trim()
                    .parse::<u16>()
                    .ok()
                    .filter(|n| (1..=600).contains(n))
            }
            "notes" => self.notes = v.into(),
            "liked" => self.liked = v.into(),
            "disliked" => self.disliked = v.into(),
            "decision" => self.decision = from_word(v).unwrap_or(self.decision),
            _ => self.name = v.into(),
        }
    }
}

const ROLES: &[(&str, &str)] = &[
    ("sponsor", "Sponsor"),
    ("family", "Family"),
    ("friend", "Friend"),
    ("recovery_coach", "Recovery coach"),
    ("peer_recovery_specialist", "Peer recovery specialist"),
    ("therapist", "Therapist"),
    ("doctor", "Doctor"),
    ("other", "Other"),
];

const PERSON_NAME: Field = field::<People>("name", "Name", Input::Text("Sam"));
const PERSON_ROLE: Field = field::<People>("role", "Role", Input::Choice(ROLES));
const PERSON_PHONE: Field = field::<People>("phone", "Phone", Input::Tel);
const PERSON_CRISIS: Field = field::<People>(
    "crisis",
    "Call me in a crisis (they said yes)",
    Input::Check,
);

pub static PEOPLE: Records = table::<People>(
    &[
        PERSON_NAME,
        PERSON_ROLE,
        PERSON_PHONE,
        PERSON_CRISIS,
        field::<People>(
            "times",
            "Best times to reach them",
            Input::Text("Evenings after 6"),
        ),
        field::<People>(
            "message",
            "Text to send them in a crisis",
            Input::Long("I'm having a hard time. Can you call me?"),
        ),
        field::<People>("notes", "Notes", Input::Long("")),
    ],
    false,
);

/// The first few questions about a person, for the guided start.
pub static PEOPLE_SHORT: Records = table::<People>(
    &[PERSON_NAME, PERSON_ROLE, PERSON_PHONE, PERSON_CRISIS],
    false,
);

pub static KEEP_DISTANCE: Records = table::<KeepDistance>(
    &[field::<KeepDistance>(
        "distance",
        "Person or place",
        Input::Long("My old dealer"),
    )],
    false,
);

const MEDICATION_KINDS: &[(&str, &str)] = &[
    (
        "buprenorphine_naloxone",
        "Buprenorphine with naloxone (e.g. Suboxone)",
    ),
    ("buprenorphine", "Buprenorphine"),
    (
        "buprenorphine_injection",
        "Buprenorphine monthly injection (e.g. Sublocade)",
    ),
    ("naltrexone_oral", "Naltrexone tablets"),
    (
        "naltrexone_injection",
        "Naltrexone monthly injection (e.g. Vivitrol)",
    ),
    ("methadone", "Methadone"),
    ("other", "Other"),
];

pub static MEDICATIONS: Records = table::<Medications>(
    &[
        field::<Medications>("name", "Name", Input::Text("Suboxone")),
        field::<Medications>("kind", "Kind", Input::Choice(MEDICATION_KINDS)),
        field::<Medications>("dose", "Dose", Input::Text("8 mg")),
        field::<Medications>("schedule", "When I take it", Input::Text("Every morning")),
        field::<Medications>("prescriber", "Prescriber", Input::Text("Dr. Lee")),
        field::<Medications>("pharmacy", "Pharmacy", Input::Text("Main Street Pharmacy")),
        field::<Medications>("refill", "Next refill", Input::Date),
        field::<Medications>("notes", "Notes", Input::Long("")),
    ],
    false,
);

const APPOINTMENT_KINDS: &[(&str, &str)] = &[
    ("prescriber", "Prescriber (medication)"),
    ("counselling", "Counseling"),
    ("primary_care", "Primary care"),
    ("dental", "Dental"),
    ("hepatitis_c", "Hepatitis C"),
    ("hiv", "HIV"),
    ("mental_health", "Mental health"),
    ("other", "Other"),
];

pub static APPOINTMENTS: Records = table::<Appointments>(
    &[
        field::<Appointments>("who", "With", Input::Text("Dr. Lee")),
        field::<Appointments>("kind", "Kind", Input::Choice(APPOINTMENT_KINDS)),
        field::<Appointments>("at", "Date and time", Input::DateTime),
        field::<Appointments>("place", "Where", Input::Text("Riverside Clinic")),
        field::<Appointments>("notes", "Notes", Input::Long("")),
    ],
    false,
);

const THERAPY_KINDS: &[(&str, &str)] = &[
    ("cbt", "Cognitive behavioral therapy (CBT)"),
    ("dbt", "Dialectical behavior therapy (DBT)"),
    ("contingency_management", "Contingency management"),
    ("family_couples", "Family or couples"),
    ("group", "Group"),
    ("intensive_outpatient", "Intensive outpatient program"),
    ("other", "Other"),
];

pub static THERAPY: Records = table::<Therapies>(
    &[
        field::<Therapies>("who", "Therapist or program", Input::Text("Ms. Ortiz")),
        field::<Therapies>("kind", "Kind", Input::Choice(THERAPY_KINDS)),
        field::<Therapies>("next", "Next session", Input::DateTime),
        field::<Therapies>(
            "work",
            "What I'm working on",
            Input::Long("Saying no without guilt"),
        ),
        field::<Therapies>("phone", "Phone", Input::Tel),
    ],
    false,
);

const AREAS: &[(&str, &str)] = &[
    ("work", "Work"),
    ("education", "Education"),
    ("money", "Money"),
    ("housing", "Housing"),
    ("health", "Health"),
    ("leisure", "Leisure"),
    ("other", "Other"),
];

pub static GOALS: Records = table::<Goals>(
    &[
        field::<Goals>("goal", "Goal", Input::Text("Get my GED")),
        field::<Goals>("area", "Area", Input::Choice(AREAS)),
        field::<Goals>(
            "step",
            "Next small step",
            Input::Text("Call the adult learning center"),
        ),
        field::<Goals>("done", "Done", Input::Check),
    ],
    false,
);

pub static REASONS: Records = table::<Reasons>(
    &[field::<Reasons>(
        "reason",
        "Reason",
        Input::Long("Be there for my daughter"),
    )],
    false,
);
pub static WARNING_SIGNS: Records = table::<WarningSigns>(
    &[field::<WarningSigns>(
        "warning",
        "Warning sign",
        Input::Long("Skipping meetings"),
    )],
    false,
);
pub static PLACES: Records = table::<Places>(
    &[field::<Places>(
        "place",
        "Place",
        Input::Long("The corner by the old apartment"),
    )],
    false,
);
pub static CRISIS_STEPS: Records = table::<CrisisSteps>(
    &[field::<CrisisSteps>(
        "crisis-step",
        "Step",
        Input::Long("Call my sponsor"),
    )],
    true,
);
pub static SLIP_STEPS: Records = table::<SlipSteps>(
    &[field::<SlipSteps>(
        "slip-step",
        "Step",
        Input::Long("Call my sponsor the same day"),
    )],
    true,
);

const TRIGGER_KINDS: &[(&str, &str)] = &[
    ("feeling", "A feeling"),
    ("person", "A person"),
    ("place", "A place"),
    ("time", "A time"),
    ("thing", "A thing"),
    ("other", "Other"),
];

const TRIGGER_TEXT: Field = field::<Triggers>("trigger", "Trigger", Input::Text("Payday"));

pub static TRIGGERS: Records = Records {
    // Deleting a trigger also unlinks it from coping strategies; undo links it again.
    remove: |p, id| {
        let r = p.relapse.remove_trigger(id)?;
        Some(Box::new(move |p: &mut Plan| p.relapse.restore_trigger(r)) as Restore)
    },
    ..table::<Triggers>(
        &[
            TRIGGER_TEXT,
            field::<Triggers>("kind", "Kind", Input::Choice(TRIGGER_KINDS)),
        ],
        false,
    )
};

/// Triggers, each with the first coping strategy that answers it: the guided start's
/// "three triggers, each with a coping strategy".
pub static TRIGGERS_WITH_COPING: Records = Records {
    fields: &[
        TRIGGER_TEXT,
        Field {
            key: "trigger-coping",
            label: "What I'll do instead",
            input: Input::Idea(
                "Call my sponsor",
                &[
                    "Call my sponsor",
                    "Go to an extra meeting",
                    "Leave the place",
                    "Eat something and rest",
                    "Take a walk",
                    "Text someone from my meeting",
                ],
            ),
            get: |p, id, _| {
                p.relapse
                    .coping_for(id)
                    .next()
                    .map(|c| c.text.clone())
                    .unwrap_or_default()
            },
            set: |p, id, _, v| {
                let r = &mut p.relapse;
                if let Some(c) = r.coping.iter_mut().find(|c| c.trigger_ids.contains(id)) {
                    c.text = v.to_string();
                } else if !v.trim().is_empty() {
                    r.coping.push(CopingStrategy {
                        id: crate::web::new_id(),
                        text: v.to_string(),
                        trigger_ids: vec![id.clone()],
                    });
                }
            },
        },
    ],
    ..TRIGGERS
};

pub static COPING: Records = table::<Coping>(
    &[
        field::<Coping>("coping", "Coping strategy", Input::Long("Call my sponsor")),
        Field {
            key: "links",
            label: "It helps with these triggers",
            input: Input::Links(|p| {
                p.relapse
                    .triggers
                    .iter()
                    .map(|t| (t.id.clone(), t.text.clone()))
                    .collect()
            }),
            get: read::<Coping>,
            set: |p, id, _, v| {
                if let Some((trigger, on)) = v.split_once(' ') {
                    if let Ok(trigger) = Id::parse(trigger) {
                        p.relapse.set_link(id, &trigger, on == "true");
                    }
                }
            },
        },
    ],
    false,
);

pub static KITS: Records = table::<Kits>(
    &[
        field::<Kits>("where", "Where it's kept", Input::Text("Kitchen drawer")),
        field::<Kits>(
            "kind",
            "Kind",
            Input::Choice(&[
                ("nasal_spray", "Nasal spray"),
                ("injectable", "Injectable"),
                ("other", "Other"),
            ]),
        ),
        field::<Kits>("expires", "Expiration date (on the box)", Input::Date),
        field::<Kits>("doses", "Doses in the kit", Input::Number),
        field::<Kits>(
            "who",
            "Who else knows where it is",
            Input::Text("My roommate Jo"),
        ),
        field::<Kits>(
            "trained",
            "They have been shown how to use it",
            Input::Check,
        ),
    ],
    false,
);

/// The letter to loved ones: one part of the plan, not a list, so the id is ignored.
pub static LOVED_ONES: [Field; 3] = [
    Field {
        key: "loved-know",
        label: "What I want you to know",
        input: Input::Long("Recovery is a long road and I'm on it. Some days are hard."),
        get: |p, _, _| p.loved_ones.what_to_know.clone(),
        set: |p, _, _, v| p.loved_ones.what_to_know = v.to_string(),
    },
    Field {
        key: "loved-help",
        label: "How you can help (without enabling)",
        input: Input::Long(
            "Ask me how my day was. Don't give me cash; help with groceries instead.",
        ),
        get: |p, _, _| p.loved_ones.how_to_help.clone(),
        set: |p, _, _, v| p.loved_ones.how_to_help = v.to_string(),
    },
    Field {
        key: "loved-boundaries",
        label: "My boundaries",
        input: Input::Long("I won't come to parties with drinking for now."),
        get: |p, _, _| p.loved_ones.boundaries.clone(),
        set: |p, _, _, v| p.loved_ones.boundaries = v.to_string(),
    },
];

const FELLOWSHIPS: &[(&str, &str)] = &[
    ("narcotics_anonymous", "Narcotics Anonymous (NA)"),
    ("smart_recovery", "SMART Recovery"),
    ("pills_anonymous", "Pills Anonymous"),
    ("heroin_anonymous", "Heroin Anonymous"),
    ("celebrate_recovery", "Celebrate Recovery"),
    ("nar_anon", "Nar-Anon or family group"),
    ("peer_support", "Peer support group"),
    ("other", "Other"),
];

pub static MEETINGS: Records = table::<MeetingList>(
    &[
        field::<MeetingList>("name", "Name", Input::Text("Tuesday Night Hope Group")),
        field::<MeetingList>("kind", "Fellowship or kind", Input::Choice(FELLOWSHIPS)),
        field::<MeetingList>(
            "format",
            "Format",
            Input::Choice(&[
                ("in_person", "In person"),
                ("online", "Online"),
                ("hybrid", "In person and online"),
            ]),
        ),
        field::<MeetingList>("address", "Address", Input::Text("12 Elm St, side door")),
        field::<MeetingList>("link", "Link (online)", Input::Text("https://…")),
        field::<MeetingList>(
            "access",
            "Open or closed",
            Input::Choice(&[
                ("open", "Open: anyone may come"),
                ("closed", "Closed: for people who want to stop using"),
                ("not_sure", "Not sure"),
            ]),
        ),
        field::<MeetingList>(
            "style",
            "Kind of meeting",
            Input::Choice(&[
                ("speaker", "Speaker"),
                ("discussion", "Discussion"),
                ("step_study", "Step study"),
                ("other", "Other"),
            ]),
        ),
        field::<MeetingList>(
            "days",
            "Days",
            Input::Links(|_| {
                WEEK.iter()
                    .map(|d| {
                        let id =
                            Id::parse(datefmt::weekday_name(*d)).unwrap_or_else(|_| Id::empty());
                        (id, day_name(*d).to_string())
                    })
                    .collect()
            }),
        ),
        field::<MeetingList>("time", "Starts at", Input::Time),
        field::<MeetingList>("minutes", "How long (minutes)", Input::Number),
        field::<MeetingList>("notes", "Notes", Input::Long("")),
        Field {
            key: "went",
            label: "I went today",
            input: Input::Check,
            get: |p, id, _| p.meetings.attended(id, crate::web::today()).to_string(),
            set: |p, id, _, v| {
                let today = crate::web::today();
                if v == "true" {
                    p.meetings.mark_attended(id, today);
                } else {
                    p.meetings.unmark_attended(id, today);
                }
            },
        },
        Field {
            key: "fit",
            label: "Fit",
            input: Input::Note,
            get: |p, id, _| {
                p.meetings
                    .list
                    .find(id)
                    .map(|m| fit_note(&p.meetings, m))
                    .unwrap_or_default()
            },
            set: |_, _, _, _| {},
        },
        field::<MeetingList>(
            "liked",
            "What I liked",
            Input::Long("People stayed after to talk"),
        ),
        field::<MeetingList>("disliked", "What I didn't like", Input::Long("")),
        field::<MeetingList>(
            "decision",
            "Keep going or try another?",
            Input::Choice(&[
                ("undecided", "Not decided yet"),
                ("keep", "Keep going"),
                ("try_another", "Try another group"),
            ]),
        ),
    ],
    false,
);

pub static FIRST_MEETING: Records = table::<FirstMeetingList>(
    &[
        field::<FirstMeetingList>("done", "Done", Input::Check),
        field::<FirstMeetingList>("first-text", "To do", Input::Long("")),
    ],
    false,
);
pub static AFTER_FIRST_FEW: Records = table::<AfterFirstFewList>(
    &[
        field::<AfterFirstFewList>("done", "Done", Input::Check),
        field::<AfterFirstFewList>("after-text", "To do", Input::Long("")),
    ],
    false,
);

impl Record for Slip {
    fn create(id: Id, note: String) -> Self {
        Slip {
            id,
            date: crate::web::today(),
            note,
        }
    }
    fn name(&self) -> String {
        crate::domain::dates::full_date(self.date)
    }
    fn get(&self, key: &str) -> String {
        match key {
            "slip-date" => datefmt::write_date(self.date),
            _ => self.note.clone(),
        }
    }
    fn set(&mut self, _: &str, v: &str) {
        self.note = v.into();
    }
}

impl Record for PersonalMilestone {
    fn create(id: Id, title: String) -> Self {
        PersonalMilestone {
            id,
            title,
            date: crate::web::today(),
        }
    }
    fn name(&self) -> String {
        self.title.clone()
    }
    fn get(&self, key: &str) -> String {
        match key {
            "personal-date" => datefmt::write_date(self.date),
            _ => self.title.clone(),
        }
    }
    fn set(&mut self, key: &str, v: &str) {
        match key {
            "personal-date" => self.date = datefmt::parse_date(v).unwrap_or(self.date),
            _ => self.title = v.into(),
        }
    }
}

pub static SLIPS: Records = table::<Slips>(
    &[
        Field {
            key: "slip-date",
            label: "Date",
            input: Input::Date,
            get: read::<Slips>,
            // Not in the future, not before the recovery date; kept in date order.
            set: |p, id, _, v| {
                let r = &mut p.recovery;
                let ok = datefmt::parse_date(v)
                    .filter(|d| *d <= crate::web::today() && r.start_date.is_none_or(|s| *d >= s));
                if let (Some(date), Some(removed)) = (ok, r.slips.remove_id(id)) {
                    let mut slip = removed.item;
                    slip.date = date;
                    let at = r.slips.partition_point(|s| s.date <= date);
                    r.slips.insert(at, slip);
                }
            },
        },
        field::<Slips>("slip-note", "What happened (for you only)", Input::Long("")),
    ],
    false,
);

pub static PERSONAL: Records = table::<Personal>(
    &[
        field::<Personal>("personal-title", "Milestone", Input::Text("First paycheck")),
        field::<Personal>("personal-date", "Date", Input::Date),
    ],
    false,
);
