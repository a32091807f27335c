//! Medication treatment, appointments (including care for co-occurring needs) and therapy.

use super::enums::string_enum;
use super::json::json_struct;
use super::list::impl_has_id;
use super::Id;
use chrono::{NaiveDate, NaiveDateTime};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MedicationKind {
    /// Buprenorphine with naloxone (e.g. the film or tablet most people are prescribed).
    BuprenorphineNaloxone,
    Buprenorphine,
    /// Extended-release buprenorphine injection (weekly or monthly).
    BuprenorphineInjection,
    NaltrexoneOral,
    /// Extended-release naltrexone, a monthly injection.
    NaltrexoneInjection,
    Methadone,
    Other,
}

string_enum!(MedicationKind {
    BuprenorphineNaloxone => "buprenorphine_naloxone",
    Buprenorphine => "buprenorphine",
    BuprenorphineInjection => "buprenorphine_injection",
    NaltrexoneOral => "naltrexone_oral",
    NaltrexoneInjection => "naltrexone_injection",
    Methadone => "methadone",
    Other => "other",
});

#[derive(Clone, Debug, PartialEq)]
pub struct Medication {
    pub id: Id,
    pub kind: MedicationKind,
    /// The name as on the label, or the person's own name for it.
    pub name: String,
    pub dose: String,
    /// In the person's words: "every morning", "monthly injection".
    pub schedule: String,
    pub prescriber: String,
    pub pharmacy: String,
    pub next_refill: Option<NaiveDate>,
    pub notes: String,
}

json_struct!(Medication {
    id,
    kind,
    name,
    dose,
    schedule,
    prescriber,
    pharmacy,
    next_refill,
    notes
});

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AppointmentKind {
    Prescriber,
    /// Saved as "counselling" (the word in every existing plan); shown as "Counseling".
    Counselling,
    PrimaryCare,
    Dental,
    HepatitisC,
    Hiv,
    MentalHealth,
    Other,
}

string_enum!(AppointmentKind {
    Prescriber => "prescriber",
    Counselling => "counselling",
    PrimaryCare => "primary_care",
    Dental => "dental",
    HepatitisC => "hepatitis_c",
    Hiv => "hiv",
    MentalHealth => "mental_health",
    Other => "other",
});

#[derive(Clone, Debug, PartialEq)]
pub struct Appointment {
    pub id: Id,
    pub kind: AppointmentKind,
    pub with_whom: String,
    /// Local wall-clock time of the appointment.
    pub at: Option<NaiveDateTime>,
    pub place: String,
    pub notes: String,
}

json_struct!(Appointment {
    id,
    kind,
    with_whom,
    at,
    place,
    notes
});

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TherapyKind {
    Cbt,
    Dbt,
    ContingencyManagement,
    FamilyCouples,
    Group,
    IntensiveOutpatient,
    Other,
}

string_enum!(TherapyKind {
    Cbt => "cbt",
    Dbt => "dbt",
    ContingencyManagement => "contingency_management",
    FamilyCouples => "family_couples",
    Group => "group",
    IntensiveOutpatient => "intensive_outpatient",
    Other => "other",
});

#[derive(Clone, Debug, PartialEq)]
pub struct Therapy {
    pub id: Id,
    /// Therapist or program.
    pub provider: String,
    pub kind: TherapyKind,
    pub next_session: Option<NaiveDateTime>,
    pub working_on: String,
    pub phone: String,
}

json_struct!(Therapy {
    id,
    provider,
    kind,
    next_session,
    working_on,
    phone
});

/// The medication-and-care pillar.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Care {
    pub medications: Vec<Medication>,
    pub appointments: Vec<Appointment>,
    pub therapy: Vec<Therapy>,
}

json_struct!(Care default { medications, appointments, therapy });

impl_has_id!(Medication, Appointment, Therapy);
