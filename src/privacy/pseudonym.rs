//! (in progress)
pub struct Identifier;
pub struct Pseudonym;
pub struct Pseudonymiser;
pub struct ProviderRef;
