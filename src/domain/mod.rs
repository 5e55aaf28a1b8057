//! The domain: what a view is, where it comes from and what it is about.
//! Every type here checks itself on construction, so the rest of heard can trust it.

pub mod area;
pub mod channel;
pub mod consultation;
pub mod group;
pub mod reply;
pub mod submission;

pub use area::{Area, AreaId, AreaKind, Areas, PostcodeLookup};
pub use channel::Channel;
pub use consultation::{Consultation, Question, QuestionId, QuestionKind};
pub use group::RespondentGroup;
pub use submission::{Answer, AnswerValue, OutreachCode, Submission};
