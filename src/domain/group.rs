use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// Who is speaking. Age bands are the ones Devon's SEND partnership reports on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RespondentGroup {
    /// Under 11.
    Child,
    /// 11 to 25.
    YoungPerson,
    ParentCarer,
    Professional,
    PreferNotToSay,
}

impl RespondentGroup {
    pub const ALL: [RespondentGroup; 5] = [
        RespondentGroup::Child,
        RespondentGroup::YoungPerson,
        RespondentGroup::ParentCarer,
        RespondentGroup::Professional,
        RespondentGroup::PreferNotToSay,
    ];

    pub fn id(self) -> &'static str {
        match self {
            RespondentGroup::Child => "child",
            RespondentGroup::YoungPerson => "young-person",
            RespondentGroup::ParentCarer => "parent-carer",
            RespondentGroup::Professional => "professional",
            RespondentGroup::PreferNotToSay => "prefer-not-to-say",
        }
    }

    /// The group for someone who gives their age in years, where that decides it.
    pub fn from_age(years: u32) -> Option<RespondentGroup> {
        match years {
            0..=10 => Some(RespondentGroup::Child),
            11..=25 => Some(RespondentGroup::YoungPerson),
            _ => None,
        }
    }

    /// The group of a pupil in school year `year` in England: year 1 starts at five, so
    /// years 1 to 6 are children and 7 to 14 (sixth form, college) young people.
    pub fn from_school_year(year: u32) -> Option<RespondentGroup> {
        match year {
            1..=14 => RespondentGroup::from_age(year + 4),
            _ => None,
        }
    }
}

impl fmt::Display for RespondentGroup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

#[derive(Debug, thiserror::Error)]
#[error("unknown group {0:?}; expected one of child, young-person, parent-carer, professional, prefer-not-to-say")]
pub struct UnknownGroup(String);

impl FromStr for RespondentGroup {
    type Err = UnknownGroup;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        RespondentGroup::ALL
            .into_iter()
            .find(|g| g.id() == s)
            .ok_or_else(|| UnknownGroup(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip() {
        for g in RespondentGroup::ALL {
            assert_eq!(g.id().parse::<RespondentGroup>().ok(), Some(g));
        }
        assert!("adult".parse::<RespondentGroup>().is_err());
    }

    #[test]
    fn age_bands() {
        assert_eq!(RespondentGroup::from_age(10), Some(RespondentGroup::Child));
        assert_eq!(
            RespondentGroup::from_age(11),
            Some(RespondentGroup::YoungPerson)
        );
        assert_eq!(
            RespondentGroup::from_age(25),
            Some(RespondentGroup::YoungPerson)
        );
        assert_eq!(RespondentGroup::from_age(26), None);
    }
}
