//! (in progress)
pub struct Submission;
pub struct Answer;
pub struct AnswerValue;
