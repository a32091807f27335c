//! Naloxone kits: where each is, what kind, when it expires, who knows where it is.
//! (The overdose-response steps come with the crisis screens, as cited data.)

use super::list::impl_has_id;
use super::Id;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KitKind {
    NasalSpray,
    Injectable,
    Other,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NaloxoneKit {
    pub id: Id,
    /// Where it is kept: "kitchen drawer", "my backpack".
    pub location: String,
    pub kind: KitKind,
    #[serde(with = "super::datefmt::opt_date")]
    pub expires: Option<NaiveDate>,
    pub doses: u8,
    /// Who else knows where it is and how to use it.
    pub who_knows: String,
    pub others_trained: bool,
    pub notes: String,
}

impl_has_id!(NaloxoneKit);

/// How soon a kit's expiry matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KitStatus {
    Ok,
    /// Expires within 30 days (days left, 0 = today).
    ExpiresSoon(i64),
    Expired,
    NoDate,
}

/// Days of notice before a kit expires.
pub const EXPIRY_NOTICE_DAYS: i64 = 30;

impl NaloxoneKit {
    pub fn status(&self, today: NaiveDate) -> KitStatus {
        match self.expires {
            None => KitStatus::NoDate,
            Some(d) if d < today => KitStatus::Expired,
            Some(d) => {
                let left = (d - today).num_days();
                if left <= EXPIRY_NOTICE_DAYS {
                    KitStatus::ExpiresSoon(left)
                } else {
                    KitStatus::Ok
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expiry_notice_starts_thirty_days_ahead() {
        let mut kit = NaloxoneKit {
            id: Id::generate(1, 1),
            location: "Kitchen drawer".into(),
            kind: KitKind::NasalSpray,
            expires: NaiveDate::from_ymd_opt(2027, 1, 31),
            doses: 2,
            who_knows: String::new(),
            others_trained: false,
            notes: String::new(),
        };
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).expect("valid date");
        assert_eq!(kit.status(d(2026, 12, 31)), KitStatus::Ok);
        assert_eq!(kit.status(d(2027, 1, 1)), KitStatus::ExpiresSoon(30));
        assert_eq!(kit.status(d(2027, 1, 31)), KitStatus::ExpiresSoon(0));
        assert_eq!(kit.status(d(2027, 2, 1)), KitStatus::Expired);
        kit.expires = None;
        assert_eq!(kit.status(d(2027, 2, 1)), KitStatus::NoDate);
    }
}
