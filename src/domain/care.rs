//! Medication treatment, appointments (including care for co-occurring needs) and therapy.

use super::list::impl_has_id;
use super::Id;
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
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

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
    #[serde(with = "super::datefmt::opt", default)]
    pub next_refill: Option<NaiveDate>,
    pub notes: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
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

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Appointment {
    pub id: Id,
    pub kind: AppointmentKind,
    pub with_whom: String,
    /// Local wall-clock time of the appointment.
    #[serde(with = "super::datefmt::opt", default)]
    pub at: Option<NaiveDateTime>,
    pub place: String,
    pub notes: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TherapyKind {
    Cbt,
    Dbt,
    ContingencyManagement,
    FamilyCouples,
    Group,
    IntensiveOutpatient,
    Other,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Therapy {
    pub id: Id,
    /// Therapist or program.
    pub provider: String,
    pub kind: TherapyKind,
    #[serde(with = "super::datefmt::opt", default)]
    pub next_session: Option<NaiveDateTime>,
    pub working_on: String,
    pub phone: String,
}

/// The medication-and-care pillar.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Care {
    pub medications: Vec<Medication>,
    pub appointments: Vec<Appointment>,
    pub therapy: Vec<Therapy>,
}

impl_has_id!(Medication, Appointment, Therapy);
