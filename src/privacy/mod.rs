//! The privacy core: pseudonyms for senders, a scrubber for free text, the server secret.
//! Nothing that can identify a person leaves a channel except through here.

pub mod pseudonym;
pub mod scrub;
pub mod secret;

pub use pseudonym::{Identifier, ProviderRef, Pseudonym, Pseudonymiser};
pub use scrub::{scrub, scrub_knowing, ScrubbedText};
pub use secret::{Secret, ServerSecret};
