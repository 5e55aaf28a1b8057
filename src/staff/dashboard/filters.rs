//! The dashboard's filters, parsed from the query string once: a group, a channel and a
//! range of days. A bad value is a message for the form, never an error page.

use chrono::NaiveDate;

use crate::coverage::UNKNOWN;
use crate::domain::{Channel, RespondentGroup};
use crate::store::CountFilter;

/// What the form sent, as typed (kept to fill the form in again).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FilterInput {
    pub group: String,
    pub channel: String,
    pub from: String,
    pub to: String,
}

/// A field the form must point an error at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Group,
    Channel,
    From,
    To,
}

impl Field {
    /// The form control's id, for the error summary's links.
    pub fn id(self) -> &'static str {
        match self {
            Field::Group => "group",
            Field::Channel => "channel",
            Field::From => "from",
            Field::To => "to",
        }
    }
}

/// One problem with the filters: the field and the message id saying what to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FilterProblem {
    pub field: Field,
    pub message: &'static str,
}

/// Filters that parsed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    pub group: Option<GroupFilter>,
    pub channel: Option<Channel>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

/// A group, or the submissions that gave none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupFilter {
    Group(RespondentGroup),
    Unknown,
}

impl GroupFilter {
    pub fn id(self) -> &'static str {
        match self {
            GroupFilter::Group(g) => g.id(),
            GroupFilter::Unknown => UNKNOWN,
        }
    }
}

impl FilterInput {
    /// From the query's pairs; the last of a repeated key wins, other keys are ignored.
    pub fn from_pairs(pairs: &[(String, String)]) -> FilterInput {
        let mut input = FilterInput::default();
        for (key, value) in pairs {
            let value = value.trim().to_owned();
            match key.as_str() {
                "group" => input.group = value,
                "channel" => input.channel = value,
                "from" => input.from = value,
                "to" => input.to = value,
                _ => {}
            }
        }
        input
    }

    pub fn parse(&self) -> Result<Filters, Vec<FilterProblem>> {
        let mut problems = Vec::new();
        let mut problem = |field, message| problems.push(FilterProblem { field, message });
        let group = match self.group.as_str() {
            "" => None,
            UNKNOWN => Some(GroupFilter::Unknown),
            id => match RespondentGroup::ALL.iter().find(|g| g.id() == id) {
                Some(g) => Some(GroupFilter::Group(*g)),
                None => {
                    problem(Field::Group, "staff-dash-filter-bad-group");
                    None
                }
            },
        };
        let channel = match self.channel.as_str() {
            "" => None,
            id => match Channel::ALL.iter().find(|c| c.id() == id) {
                Some(c) => Some(*c),
                None => {
                    problem(Field::Channel, "staff-dash-filter-bad-channel");
                    None
                }
            },
        };
        let mut day = |text: &str, field, message| {
            if text.is_empty() {
                return None;
            }
            match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
                Ok(d) => Some(d),
                Err(_) => {
                    problem(field, message);
                    None
                }
            }
        };
        let from = day(&self.from, Field::From, "staff-dash-filter-bad-from");
        let to = day(&self.to, Field::To, "staff-dash-filter-bad-to");
        if let (Some(f), Some(t)) = (from, to) {
            if f > t {
                problems.push(FilterProblem {
                    field: Field::From,
                    message: "staff-dash-filter-from-after-to",
                });
            }
        }
        if problems.is_empty() {
            Ok(Filters {
                group,
                channel,
                from,
                to,
            })
        } else {
            Err(problems)
        }
    }
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }

    /// What the store counts by.
    pub fn count_filter(&self) -> CountFilter {
        CountFilter {
            group: self.group.map(|g| g.id().to_owned()),
            channel: self.channel.map(|c| c.id().to_owned()),
            from: self.from,
            to: self.to,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(group: &str, channel: &str, from: &str, to: &str) -> FilterInput {
        FilterInput {
            group: group.into(),
            channel: channel.into(),
            from: from.into(),
            to: to.into(),
        }
    }

    #[test]
    fn empty_is_no_filter() {
        let f = FilterInput::from_pairs(&[]).parse().unwrap();
        assert!(f.is_empty());
        assert!(f.count_filter().is_empty());
    }

    #[test]
    fn good_values_parse() {
        let pairs = vec![
            ("group".to_owned(), " parent-carer ".to_owned()),
            ("channel".to_owned(), "sms".to_owned()),
            ("from".to_owned(), "2026-11-01".to_owned()),
            ("to".to_owned(), "2026-11-30".to_owned()),
            ("other".to_owned(), "x".to_owned()),
        ];
        let f = FilterInput::from_pairs(&pairs).parse().unwrap();
        assert_eq!(
            f.group,
            Some(GroupFilter::Group(RespondentGroup::ParentCarer))
        );
        assert_eq!(f.channel, Some(Channel::Sms));
        let c = f.count_filter();
        assert_eq!(c.group.as_deref(), Some("parent-carer"));
        assert_eq!(c.from.unwrap().to_string(), "2026-11-01");
        let unknown = input("unknown", "", "", "").parse().unwrap();
        assert_eq!(unknown.group, Some(GroupFilter::Unknown));
    }

    #[test]
    fn bad_values_are_each_named() {
        let problems = input("wizards", "fax", "30/11/2026", "2026-02-30")
            .parse()
            .unwrap_err();
        let fields: Vec<Field> = problems.iter().map(|p| p.field).collect();
        assert_eq!(
            fields,
            [Field::Group, Field::Channel, Field::From, Field::To]
        );
        let problems = input("", "", "2026-12-01", "2026-11-01")
            .parse()
            .unwrap_err();
        assert_eq!(problems[0].message, "staff-dash-filter-from-after-to");
    }
}
