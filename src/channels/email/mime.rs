//! Reading a raw email (RFC 5322 / MIME) into what the channel needs: who sent it (held only
//! in memory), which text the person wrote, and whether it is a person at all.

use std::sync::LazyLock;

use mail_parser::{Address, HeaderValue, Message, MessageParser, MimeHeaders, PartType};
use regex::Regex;

use super::EmailError;
use crate::i18n::Locale;
use crate::privacy::Identifier;

/// What kind of message this is, for deciding whether it is a view at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Written by a person: a view.
    Person,
    /// An out-of-office or other automatic reply: not a view, never answered.
    AutoReply,
    /// A delivery failure or read receipt: not a view, never answered.
    Bounce,
}

/// One email, read. The sender's address lives here only while the message is handled.
pub struct Email {
    pub kind: Kind,
    /// `From`, normalised; what the pseudonym is made of.
    pub sender: Option<Identifier>,
    /// Words of the sender's display name and address, to take out of their text.
    pub sender_names: Vec<String>,
    /// Where an acknowledgement would go: `Reply-To` if given, else `From`.
    pub reply_to: Option<Identifier>,
    /// `Message-ID` without angle brackets.
    pub message_id: Option<String>,
    /// Every address the message was sent to, lower-cased, for plus addresses.
    pub recipients: Vec<String>,
    pub subject: String,
    /// The readable body: text/plain parts, else HTML turned into text. Not yet stripped.
    pub body: String,
    /// Files that came with the message. They are never kept.
    pub attachments: usize,
    /// The language the message says it is in (`Content-Language`).
    pub language: Option<Locale>,
    /// Automatic or list mail: may be a view, but must never be answered (no mail loops).
    pub no_reply: bool,
    /// `In-Reply-To`/`References` name one of heard's acknowledgements.
    pub replies_to_ack: bool,
}

impl std::fmt::Debug for Email {
    // Never print the subject, body or addresses.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Email")
            .field("kind", &self.kind)
            .field("attachments", &self.attachments)
            .field("no_reply", &self.no_reply)
            .finish_non_exhaustive()
    }
}

/// The prefix of every acknowledgement's Message-ID, so a reply to one can be recognised
/// without storing anything about the acknowledgement.
pub const ACK_ID_PREFIX: &str = "heard-ack-";

/// Reads a raw message. Fails only when the bytes are not an email at all.
pub fn read(raw: &[u8]) -> Result<Email, EmailError> {
    if !starts_with_header(raw) {
        return Err(EmailError::NotMime("it does not start with a header"));
    }
    let message = MessageParser::default()
        .parse(raw)
        .ok_or(EmailError::NotMime("it could not be parsed"))?;
    let known = [
        "from",
        "date",
        "message-id",
        "subject",
        "mime-version",
        "to",
    ];
    if !message
        .headers()
        .iter()
        .any(|h| known.iter().any(|k| h.name().eq_ignore_ascii_case(k)))
    {
        return Err(EmailError::NotMime("it has none of the usual headers"));
    }

    let sender = first_address(message.from()).and_then(|a| Identifier::email(&a).ok());
    let reply_to = first_address(message.reply_to())
        .and_then(|a| Identifier::email(&a).ok())
        .or_else(|| sender.clone());
    let sender_names = sender_names(message.from());
    let from_local = first_address(message.from())
        .and_then(|a| a.split('@').next().map(str::to_ascii_lowercase))
        .unwrap_or_default();
    let subject = message.subject().unwrap_or_default().trim().to_owned();
    let header = |name: &str| {
        message
            .header_raw(name)
            .map(|v| v.trim().to_ascii_lowercase())
    };

    let kind = kind(&message, &from_local, &subject, &header);
    let auto_submitted = header("auto-submitted").is_some_and(|v| !v.starts_with("no"));
    let precedence = header("precedence").is_some_and(|v| {
        ["bulk", "list", "junk"]
            .iter()
            .any(|p| v.trim_matches('"') == *p)
    });
    // An empty Return-Path (`<>`) is how bounces and other automatic mail are sent.
    let null_sender = header("return-path").is_some_and(|v| {
        v.trim_matches(|c: char| c == '<' || c == '>' || c.is_whitespace())
            .is_empty()
    });
    let no_reply = kind != Kind::Person
        || auto_submitted
        || precedence
        || null_sender
        || message.header_raw("list-id").is_some()
        || message.header_raw("x-autoreply").is_some()
        || matches!(
            from_local.as_str(),
            "noreply" | "no-reply" | "donotreply" | "do-not-reply"
        );

    let mut recipients = Vec::new();
    for address in [message.to(), message.cc()].into_iter().flatten() {
        recipients.extend(address.iter().filter_map(|a| a.address.as_deref()));
    }
    let mut recipients: Vec<String> = recipients.into_iter().map(str::to_lowercase).collect();
    // Set by the delivering server, so they name the plus address even under Bcc.
    for name in [
        "delivered-to",
        "x-original-to",
        "envelope-to",
        "x-forwarded-to",
    ] {
        for value in message.header_values(name) {
            if let Some(text) = value.as_text() {
                recipients.push(
                    text.trim()
                        .trim_matches(|c| c == '<' || c == '>')
                        .to_lowercase(),
                );
            }
        }
    }

    let references = [message.in_reply_to(), message.references()]
        .iter()
        .flat_map(|v| text_list(v))
        .collect::<Vec<_>>();
    let replies_to_ack = references.iter().any(|r| r.contains(ACK_ID_PREFIX));

    Ok(Email {
        kind,
        sender,
        sender_names,
        reply_to,
        message_id: message
            .message_id()
            .map(|id| id.trim().trim_matches(|c| c == '<' || c == '>').to_owned())
            .filter(|id| !id.is_empty()),
        recipients,
        subject,
        body: body_text(&message),
        attachments: attachments(&message),
        language: language(&message),
        no_reply,
        replies_to_ack,
    })
}

/// A message starts with a header line (`Name: value`), perhaps after an mbox `From ` line.
fn starts_with_header(raw: &[u8]) -> bool {
    let text = String::from_utf8_lossy(&raw[..raw.len().min(4096)]);
    let mut lines = text.lines().skip_while(|l| l.trim().is_empty());
    let mut first = lines.next().unwrap_or_default();
    if first.starts_with("From ") {
        first = lines.next().unwrap_or_default();
    }
    match first.split_once(':') {
        Some((name, _)) => {
            !name.is_empty() && name.bytes().all(|b| (33..=126).contains(&b) && b != b':')
        }
        None => false,
    }
}

fn first_address(address: Option<&Address<'_>>) -> Option<String> {
    address?
        .iter()
        .find_map(|a| a.address.as_deref())
        .map(str::to_owned)
}

/// Words that name a person not in a group's or team's display name ("Devon Parent Forum").
const NOT_NAMES: &[&str] = &[
    "devon",
    "council",
    "county",
    "team",
    "forum",
    "school",
    "college",
    "group",
    "parent",
    "parents",
    "family",
    "families",
    "views",
    "info",
    "admin",
    "office",
    "the",
    "and",
    "of",
    "mum",
    "dad",
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "send",
    "support",
    "service",
    "services",
    "nursery",
    "academy",
    "trust",
    "list",
    "lists",
    "mail",
    "email",
    "noreply",
    "reply",
    "hello",
    "hi",
    "contact",
    "enquiries",
    "enquiry",
    "home",
    "post",
    "user",
    "test",
    // A role's mailbox ("senco@", "head@"): its words would be taken out of every
    // sentence as the writer's name.
    "senco",
    "sendco",
    "head",
    "headteacher",
    "teacher",
    "teachers",
    "reception",
    "sen",
    "inclusion",
    "admissions",
    "bursar",
    "manager",
    "team",
    "clerk",
    "governors",
    "governor",
    "chair",
    "deputy",
    "safeguarding",
    "dsl",
    "pastoral",
    "attendance",
    "welfare",
    "secretary",
    "finance",
    "accounts",
    "transport",
    "helpdesk",
    "help",
    "camhs",
    "nhs",
    "council",
    "forum",
    "charity",
    "club",
    "centre",
    "center",
    "clinic",
    "surgery",
    "practice",
    "principal",
    "department",
    "dept",
    "pupil",
    "student",
    "students",
];

/// The sender's name as the message gives it: the words of the display name and of the
/// address's local part ("sarah.pengelly"), unless they look like an organisation.
fn sender_names(from: Option<&Address<'_>>) -> Vec<String> {
    let Some(addr) = from.and_then(|a| a.first()) else {
        return Vec::new();
    };
    let words = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_alphabetic())
            .filter(|w| w.chars().count() >= 3)
            .map(str::to_lowercase)
            .collect()
    };
    let display = words(addr.name.as_deref().unwrap_or_default());
    let local = words(
        addr.address
            .as_deref()
            .and_then(|a| a.split('@').next())
            .unwrap_or_default(),
    );
    let mut names = Vec::new();
    for set in [display, local] {
        if set.len() <= 3 && !set.iter().any(|w| NOT_NAMES.contains(&w.as_str())) {
            names.extend(set);
        }
    }
    names.sort();
    names.dedup();
    names
}

fn text_list(value: &HeaderValue<'_>) -> Vec<String> {
    match value {
        HeaderValue::Text(t) => vec![t.to_string()],
        HeaderValue::TextList(list) => list.iter().map(|t| t.to_string()).collect(),
        _ => Vec::new(),
    }
}

fn kind(
    message: &Message<'_>,
    from_local: &str,
    subject: &str,
    header: &dyn Fn(&str) -> Option<String>,
) -> Kind {
    let is_report = message.content_type().is_some_and(|ct| {
        ct.ctype().eq_ignore_ascii_case("multipart")
            && ct
                .subtype()
                .is_some_and(|s| s.eq_ignore_ascii_case("report"))
    });
    let has_status_part = message.parts.iter().any(|p| {
        p.content_type().is_some_and(|ct| {
            ct.ctype().eq_ignore_ascii_case("message")
                && ct.subtype().is_some_and(|s| {
                    s.eq_ignore_ascii_case("delivery-status")
                        || s.eq_ignore_ascii_case("disposition-notification")
                })
        })
    });
    if is_report
        || has_status_part
        || matches!(from_local, "mailer-daemon" | "postmaster")
        || header("x-failed-recipients").is_some()
    {
        return Kind::Bounce;
    }
    let subject = subject.to_lowercase();
    let auto_reply_subject = [
        "automatic reply",
        "auto reply",
        "autoreply",
        "auto-reply",
        "out of office",
        "out of the office",
        "odpowiedź automatyczna",
        "autoodpowiedź",
        "رد تلقائي",
    ]
    .iter()
    .any(|s| subject.starts_with(s))
        || subject.starts_with("auto:");
    let auto_replied = header("auto-submitted").is_some_and(|v| v.starts_with("auto-replied"))
        || header("x-autoreply").is_some()
        || header("x-autorespond").is_some()
        || header("x-auto-response-suppress").is_some_and(|_| auto_reply_subject);
    if auto_replied || auto_reply_subject {
        return Kind::AutoReply;
    }
    Kind::Person
}

/// Plain text where the sender gave it, else the HTML turned into text; parts joined.
fn body_text(message: &Message<'_>) -> String {
    let mut texts = Vec::new();
    for id in &message.text_body {
        let Some(part) = message.parts.get(*id as usize) else {
            continue;
        };
        match &part.body {
            PartType::Text(text) => texts.push(text.to_string()),
            PartType::Html(html) => texts.push(html_to_text(html)),
            _ => {}
        }
    }
    if texts.iter().all(|t| t.trim().is_empty()) {
        texts = message
            .html_body
            .iter()
            .filter_map(|id| match &message.parts.get(*id as usize)?.body {
                PartType::Html(html) => Some(html_to_text(html)),
                PartType::Text(text) => Some(text.to_string()),
                _ => None,
            })
            .collect();
    }
    texts.join("\n\n")
}

/// The element a mail client puts its user's signature in: Gmail's, Thunderbird's and
/// Outlook's (on the web, on phones and on the desktop).
static SIGNATURE_ELEMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?i)<(?:div|p|span|table|pre)\b[^>]*\b(?:class\s*=\s*["'][^"']*\b(?:x_)?(?:gmail_signature|moz-signature|ms-outlook-mobile-signature)\b|id\s*=\s*["'](?:x_)?(?:signature|Signature|divSignature|ms-outlook-mobile-signature)["'])"#,
    )
    .expect("signature element pattern")
});

/// HTML to text, with quoted blocks kept as `> ` lines so they can be stripped like plain
/// text, a mail client's signature block after a `-- ` line as a plain-text signature is,
/// and links as their words only.
pub fn html_to_text(html: &str) -> String {
    let config = html2text::config::plain_no_decorate();
    // Tables in email are mostly layout: each cell read as a line of its own, no borders.
    let config = config.link_footnotes(false).raw_mode(true);
    let html = match SIGNATURE_ELEMENT.find(html) {
        Some(m) => format!("{}<p>--</p>{}", &html[..m.start()], &html[m.start()..]),
        None => html.to_owned(),
    };
    // Rendering takes time that grows with the square of how deep elements nest: a message
    // of 16,000 nested <div>s took 16 s. No mail client nests anywhere near this deep.
    if nesting_depth(&html) > MAX_NESTING {
        return strip_tags(&html);
    }
    // A very wide page, so a paragraph stays on one line.
    config
        .string_from_read(html.as_bytes(), 100_000)
        .unwrap_or_else(|_| strip_tags(&html))
}

/// Deeper than any mail client writes (Outlook's deepest are a few dozen).
const MAX_NESTING: usize = 200;

/// How deep elements nest at most, counted in one pass over the tags: each start tag opens
/// one (elements that never close, such as `<br>`, do not), each end tag closes one.
fn nesting_depth(html: &str) -> usize {
    const VOID: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr", "o:p",
    ];
    let (mut depth, mut deepest) = (0usize, 0usize);
    let bytes = html.as_bytes();
    let mut i = 0;
    while let Some(offset) = html[i..].find('<') {
        let start = i + offset + 1;
        let closing = bytes.get(start) == Some(&b'/');
        let name_start = if closing { start + 1 } else { start };
        let name: String = html[name_start..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == ':')
            .collect::<String>()
            .to_ascii_lowercase();
        let end = html[start..].find('>').map_or(html.len(), |e| start + e);
        let self_closing = end > start && bytes.get(end - 1) == Some(&b'/');
        if !name.is_empty() && !VOID.contains(&name.as_str()) && !self_closing {
            if closing {
                depth = depth.saturating_sub(1);
            } else {
                depth += 1;
                deepest = deepest.max(depth);
            }
        }
        i = end.min(html.len());
        if i >= html.len() {
            break;
        }
    }
    deepest
}

/// The last resort when the HTML cannot be parsed: drop tags.
fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Files sent with the message. Pictures placed inside an HTML body (a logo in a signature)
/// are not counted: the person did not choose to attach them.
fn attachments(message: &Message<'_>) -> usize {
    message
        .attachments()
        .filter(|part| {
            let inline = part
                .content_disposition()
                .is_some_and(|d| d.ctype().eq_ignore_ascii_case("inline"));
            !(inline
                || matches!(part.body, PartType::InlineBinary(_)) && part.content_id().is_some())
        })
        .count()
}

fn language(message: &Message<'_>) -> Option<Locale> {
    let from_header = |value: &HeaderValue<'_>| {
        text_list(value)
            .iter()
            .find_map(|tag| Locale::parse(tag.split(',').next().unwrap_or_default()))
    };
    from_header(message.content_language()).or_else(|| {
        message
            .text_bodies()
            .find_map(|part| from_header(part.content_language()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deeply_nested_html_is_read_at_once() {
        let deep = format!(
            "{}I want better buses{}",
            "<div>".repeat(50_000),
            "</div>".repeat(50_000)
        );
        // Read at once, by dropping the tags; before, 50,000 levels took minutes.
        let text = html_to_text(&deep);
        assert!(text.contains("I want better buses"), "{text:.80}");
        assert!(nesting_depth(&deep) > MAX_NESTING);
        assert_eq!(nesting_depth("<div><p>a<br>b</p><img src=x><hr/></div>"), 2);
        assert_eq!(nesting_depth("<ul><li>a</li><li>b</li></ul>"), 2);
    }

    #[test]
    fn a_signature_block_is_marked_as_a_signature() {
        for html in [
            r#"<div dir="ltr"><div>The taxi is late.</div><br clear="all"><div><div dir="ltr" class="gmail_signature" data-smartmail="gmail_signature">Lucy Brown<br>07700 900333</div></div></div>"#,
            r#"<p>The taxi is late.</p><div class="moz-signature">Lucy Brown</div>"#,
            r#"<div>The taxi is late.</div><div id="Signature"><p>Lucy Brown</p></div>"#,
        ] {
            let stripped = super::super::strip::own_words(&html_to_text(html));
            assert_eq!(stripped.text, "The taxi is late.", "{html}");
            assert!(stripped.signature.contains("Lucy Brown"), "{html}");
        }
        // A class that only looks like one is not.
        let text =
            html_to_text(r#"<p>The taxi is late.</p><div class="signature-dish">Pasta</div>"#);
        assert!(text.contains("Pasta"), "{text:?}");
    }

    #[test]
    fn a_layout_table_reads_as_lines_without_borders() {
        let text = html_to_text(
            "<p>The taxi is late.</p><table><tr><td>Priya</td><td>Seaton</td></tr></table>",
        );
        assert!(!text.contains('─') && !text.contains('│'), "{text:?}");
        assert!(
            text.contains("Priya") && text.contains("Seaton"),
            "{text:?}"
        );
    }
}
