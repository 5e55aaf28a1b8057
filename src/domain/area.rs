//! Areas: the districts a view can be counted in, loaded from a data file so another
//! authority can swap in its own, and the postcode lookup that finds one.
//!
//! INTERFACE STUB — to be implemented (see the helper brief).

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Serialize;

/// The id of an area in the loaded registry (`east-devon`, `outside-devon`, ...).
/// Only `Areas` makes one, so holding an `AreaId` means the area exists.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct AreaId(Arc<str>);

impl AreaId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for AreaId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AreaKind {
    /// A district of the authority; coverage is counted over these.
    District,
    /// Somewhere outside the authority's area.
    Outside,
    /// The person chose not to say.
    Undisclosed,
}

#[derive(Debug, Clone)]
pub struct Area {
    pub id: AreaId,
    pub kind: AreaKind,
    /// ONS code for a district (`E07000040`), none for the others.
    pub code: Option<String>,
    /// Name per locale tag (`en-GB`, `pl`, `ar`); `en-GB` always present.
    pub names: BTreeMap<String, String>,
}

/// What a typed postcode, or its first half, tells us.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PostcodeLookup {
    Found(AreaId),
    /// The outward code spans several areas: ask the person which. Most likely first.
    Ambiguous(Vec<AreaId>),
    /// Looks like a UK postcode but is not one we hold.
    Unknown,
    /// Not a postcode at all.
    Invalid,
}

#[derive(Debug)]
pub struct Areas {
    _private: (),
}

#[derive(Debug, thiserror::Error)]
pub enum AreasError {
    #[error("{0}")]
    Invalid(String),
}

impl Areas {
    pub fn devon() -> Arc<Areas> {
        todo!()
    }
    pub fn from_files(_toml_path: &std::path::Path) -> Result<Areas, AreasError> {
        todo!()
    }
    pub fn get(&self, _id: &str) -> Option<&Area> {
        todo!()
    }
    pub fn id(&self, _id: &str) -> Option<AreaId> {
        todo!()
    }
    pub fn all(&self) -> &[Area] {
        todo!()
    }
    pub fn lookup_postcode(&self, _input: &str) -> PostcodeLookup {
        todo!()
    }
}
