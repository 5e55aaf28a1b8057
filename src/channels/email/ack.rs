//! The acknowledgement: a short easy-read reply, plain text with a simple HTML twin, sent over
//! SMTP. The address it goes to is only ever in memory, for the length of the send.

use std::time::Duration;

use lettre::message::header::{Header, HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use super::mime::ACK_ID_PREFIX;
use super::EmailError;
use crate::config::EmailConfig;
use crate::i18n::{self, Arg, Locale};
use crate::privacy::Identifier;

/// Sends acknowledgements through the configured SMTP server.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl std::fmt::Debug for Mailer {
    // The transport holds the SMTP password.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Mailer(..)")
    }
}

impl Mailer {
    /// The mailer the settings describe, or none when `HEARD_SMTP_URL` is unset.
    pub fn from_config(config: &EmailConfig) -> Result<Option<Mailer>, EmailError> {
        let (Some(url), Some(from)) = (&config.smtp_url, &config.mail_from) else {
            return Ok(None);
        };
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url.expose())
            // The parse error can quote the URL, password and all: say only what to fix.
            .map_err(|_| {
                EmailError::Settings(
                    "HEARD_SMTP_URL: expected a URL such as smtp://user:pass@host:587?tls=required"
                        .into(),
                )
            })?
            .timeout(Some(Duration::from_secs(20)))
            .build();
        let from = from.parse::<Mailbox>().map_err(|_| {
            EmailError::Settings(format!(
                "HEARD_MAIL_FROM: expected an address such as views@example.org, but got {from:?}"
            ))
        })?;
        Ok(Some(Mailer { transport, from }))
    }

    /// Sends `ack` to `to`, as a reply to the message `in_reply_to` when it had an id.
    pub async fn send(
        &self,
        to: &Identifier,
        in_reply_to: Option<&str>,
        ack: &Acknowledgement,
    ) -> Result<(), EmailError> {
        let to: Mailbox = to
            .expose()
            .parse()
            .map_err(|_| EmailError::Send("the reply address cannot be written to".into()))?;
        let domain = self.from.email.domain().to_owned();
        let mut builder = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(ack.subject.clone())
            .message_id(Some(format!(
                "<{ACK_ID_PREFIX}{}@{domain}>",
                uuid::Uuid::new_v4().simple()
            )))
            // RFC 3834: an automatic reply says so, so other robots do not answer it.
            .header(AutoSubmitted)
            .header(ContentLanguage(ack.locale.tag()));
        if let Some(id) = in_reply_to {
            builder = builder
                .in_reply_to(format!("<{id}>"))
                .references(format!("<{id}>"));
        }
        let message = builder
            .multipart(MultiPart::alternative_plain_html(
                ack.text.clone(),
                ack.html.clone(),
            ))
            .map_err(|_| EmailError::Send("the acknowledgement could not be built".into()))?;
        self.transport
            .send(message)
            .await
            .map_err(|e| EmailError::Send(describe(&e)))?;
        Ok(())
    }
}

impl Mailer {
    /// Sends a message to a member of staff (the weekly digest): plain text with an HTML twin.
    /// An error says what kind of failure it was, never to whom.
    pub async fn send_to_staff(
        &self,
        to: &str,
        subject: &str,
        text: String,
        html: String,
    ) -> Result<(), EmailError> {
        let to: Mailbox = to
            .parse()
            .map_err(|_| EmailError::Send("the staff address cannot be written to".into()))?;
        let domain = self.from.email.domain().to_owned();
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(subject)
            .message_id(Some(format!(
                "<digest-{}@{domain}>",
                uuid::Uuid::new_v4().simple()
            )))
            .header(ContentLanguage(Locale::EN_GB.tag()))
            .multipart(MultiPart::alternative_plain_html(text, html))
            .map_err(|_| EmailError::Send("the message could not be built".into()))?;
        self.transport
            .send(message)
            .await
            .map_err(|e| EmailError::Send(describe(&e)))?;
        Ok(())
    }
}

/// What went wrong, without the server's words: they can quote the recipient's address.
fn describe(e: &lettre::transport::smtp::Error) -> String {
    let kind = if e.is_timeout() {
        "timed out"
    } else if e.is_tls() {
        "TLS failed"
    } else if e.is_permanent() {
        "refused (permanent)"
    } else if e.is_transient() {
        "refused for now (transient)"
    } else if e.is_client() {
        "client error"
    } else {
        "could not reach the SMTP server"
    };
    match e.status() {
        Some(code) => format!("{kind}, SMTP code {code}"),
        None => kind.to_owned(),
    }
}

#[derive(Clone)]
struct AutoSubmitted;

impl Header for AutoSubmitted {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("Auto-Submitted")
    }
    fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(AutoSubmitted)
    }
    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), "auto-replied".to_owned())
    }
}

#[derive(Clone)]
struct ContentLanguage(&'static str);

impl Header for ContentLanguage {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("Content-Language")
    }
    fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ContentLanguage(Locale::parse(s).unwrap_or_default().tag()))
    }
    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), self.0.to_owned())
    }
}

/// What the acknowledgement needs to say.
#[derive(Debug, Clone)]
pub struct AckFacts {
    pub locale: Locale,
    /// The consultation's title in the reader's language.
    pub title: String,
    pub authority: String,
    /// Files came with the email and were dropped.
    pub dropped_files: bool,
    /// Words suggest the writer or a child may be at risk: put help first.
    pub concern: bool,
    /// No area was found: the names to choose from, in the reader's language.
    pub ask_area: Option<Vec<String>>,
    /// This email answered an earlier request for the area: its name.
    pub area_added: Option<String>,
}

/// A composed acknowledgement.
#[derive(Debug, Clone)]
pub struct Acknowledgement {
    pub locale: Locale,
    pub subject: String,
    pub text: String,
    pub html: String,
}

enum Block {
    Heading(String),
    Para(String),
}

/// Writes the acknowledgement: thank you, that it is anonymous, help where words suggest
/// risk, what happens next, and a request for the area where none was found.
pub fn compose(facts: &AckFacts) -> Acknowledgement {
    let l = facts.locale;
    let t = |id: &str| i18n::text(l, id);
    let mut blocks = Vec::new();
    let help = |blocks: &mut Vec<Block>| {
        blocks.push(Block::Heading(t("help-title")));
        // Both messages end before the number ("Their number is:"); pages link the number,
        // an email gives it.
        blocks.push(Block::Para(format!("{} 0800 1111", t("help-childline"))));
        blocks.push(Block::Para(format!("{} 999", t("help-danger"))));
        blocks.push(Block::Para(t("help-trusted")));
    };
    if let Some(area) = &facts.area_added {
        blocks.push(Block::Para(i18n::text_with(
            l,
            "email-ack-area-added",
            &[("area", Arg::from(area.as_str()))],
        )));
        blocks.push(Block::Para(t("email-ack-private")));
    } else {
        blocks.push(Block::Para(t("email-ack-thanks")));
        if facts.concern {
            blocks.push(Block::Para(t("signpost-hard")));
            blocks.push(Block::Para(t("signpost-talk")));
            help(&mut blocks);
            blocks.push(Block::Para(t("signpost-read")));
        }
        blocks.push(Block::Para(i18n::text_with(
            l,
            "email-ack-about",
            &[("title", Arg::from(facts.title.as_str()))],
        )));
        blocks.push(Block::Para(t("email-ack-private")));
        if facts.dropped_files {
            blocks.push(Block::Para(t("email-ack-files")));
        }
        if let Some(names) = &facts.ask_area {
            blocks.push(Block::Para(t("email-ack-area")));
            blocks.push(Block::Para(t("email-ack-area-reply")));
            blocks.push(Block::Para(i18n::text_with(
                l,
                "email-ack-area-list",
                &[("areas", Arg::from(names.join(", ")))],
            )));
            blocks.push(Block::Para(t("email-ack-area-join")));
        }
        blocks.push(Block::Heading(t("thanks-next-title")));
        blocks.push(Block::Para(t("thanks-next-read")));
        blocks.push(Block::Para(t("thanks-next-change")));
        blocks.push(Block::Para(t("thanks-next-tell")));
        if !facts.concern {
            help(&mut blocks);
        }
    }
    blocks.push(Block::Para(i18n::text_with(
        l,
        "email-ack-sign",
        &[("authority", Arg::from(facts.authority.as_str()))],
    )));

    let text = blocks
        .iter()
        .map(|b| match b {
            Block::Heading(h) | Block::Para(h) => h.clone(),
        })
        .collect::<Vec<_>>()
        .join("\n\n");
    let mut html = format!(
        "<!doctype html>\n<html lang=\"{}\" dir=\"{}\">\n<body style=\"font-family:Arial,sans-serif;font-size:18px;line-height:1.5;max-width:40em\">\n",
        l.tag(),
        l.dir()
    );
    for block in &blocks {
        match block {
            Block::Heading(h) => html.push_str(&format!("<h2>{}</h2>\n", escape(h))),
            Block::Para(p) => html.push_str(&format!("<p>{}</p>\n", escape(p))),
        }
    }
    html.push_str("</body>\n</html>\n");
    Acknowledgement {
        locale: l,
        subject: t("email-ack-subject"),
        text,
        html,
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(locale: Locale) -> AckFacts {
        AckFacts {
            locale,
            title: "Four Cornerstones".into(),
            authority: "Devon County Council".into(),
            dropped_files: true,
            concern: true,
            ask_area: Some(vec!["Exeter".into(), "Torridge".into()]),
            area_added: None,
        }
    }

    #[test]
    fn says_everything_it_must() {
        let ack = compose(&facts(Locale::EN_GB));
        for words in [
            "0800 1111",
            "999",
            "did not keep it",
            "Exeter, Torridge",
            "Four Cornerstones",
        ] {
            assert!(ack.text.contains(words), "{words}: {}", ack.text);
            assert!(ack.html.contains(words), "{words}");
        }
        let pl = compose(&facts(Locale::PL));
        assert!(pl.subject.contains("Dziękujemy"));
        let ar = compose(&facts(Locale::AR));
        assert!(ar.html.contains("dir=\"rtl\""));
    }
}
