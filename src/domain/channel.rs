use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// How a view reached heard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Channel {
    Web,
    Sms,
    Email,
    /// Gathered in person at an event or focus group, or on paper.
    Event,
}

impl Channel {
    pub const ALL: [Channel; 4] = [Channel::Web, Channel::Sms, Channel::Email, Channel::Event];

    pub fn id(self) -> &'static str {
        match self {
            Channel::Web => "web",
            Channel::Sms => "sms",
            Channel::Email => "email",
            Channel::Event => "event",
        }
    }
}

impl fmt::Display for Channel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

#[derive(Debug, thiserror::Error)]
#[error("unknown channel {0:?}; expected one of web, sms, email, event")]
pub struct UnknownChannel(String);

impl FromStr for Channel {
    type Err = UnknownChannel;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Channel::ALL
            .into_iter()
            .find(|c| c.id() == s)
            .ok_or_else(|| UnknownChannel(s.to_owned()))
    }
}
