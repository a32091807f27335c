//! The domain: pure Rust (std + chrono only), no browser types.
//! Everything here is tested natively with `cargo test`.

pub mod backup;
pub mod bytes;
pub mod care;
pub mod checkin;
pub mod community;
pub mod contacts;
pub mod datefmt;
pub mod dates;
pub mod enums;
pub mod goals;
pub mod html;
pub mod ics;
pub mod id;
pub mod json;
pub mod json_parse;
pub mod list;
pub mod meetings;
pub mod milestones;
pub mod naloxone;
pub mod order;
pub mod pillars;
pub mod plan;
pub mod relapse;
pub mod resources;
pub mod schema;
pub mod trends;

pub use id::Id;
pub use list::Entry;
pub use plan::Plan;
