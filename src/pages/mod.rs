//! One screen a file.

pub mod checkin;
pub mod crisis;
pub mod damaged_data;
pub mod meetings;
pub mod not_found;
pub mod overdose;
pub mod plan;
pub mod print;
pub mod recovery;
pub mod review;
pub mod settings;
pub mod share;
pub mod start;
pub mod today;
