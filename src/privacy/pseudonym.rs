//! Pseudonyms: a sender is known to heard only by an HMAC of their normalised phone number
//! or email address under the server secret. The raw identifier goes no further than here.

use std::borrow::Cow;
use std::fmt;

use hmac::{Hmac, Mac};
use serde::Serialize;
use sha2::Sha256;

use super::ServerSecret;
use crate::domain::Channel;

/// A sender's phone number or email address, normalised. Never printed, never stored.
#[derive(Clone, PartialEq, Eq)]
pub struct Identifier(Normalised);

#[derive(Clone, PartialEq, Eq)]
enum Normalised {
    /// E.164, e.g. `+447700900123`.
    Phone(String),
    /// Lower-cased `local@domain`.
    Email(String),
}

impl fmt::Debug for Identifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Normalised::Phone(_) => f.write_str("Identifier::Phone(..)"),
            Normalised::Email(_) => f.write_str("Identifier::Email(..)"),
        }
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum IdentifierError {
    #[error("not a phone number heard can read")]
    Phone,
    #[error("not an email address")]
    Email,
}

impl Identifier {
    /// A phone number in any common form; numbers without a country code are taken as UK.
    /// Only the shape is checked, not the numbering plan: a gateway's sender is real even
    /// when the number range is newer than the metadata.
    pub fn phone(raw: &str) -> Result<Identifier, IdentifierError> {
        let raw = raw.trim();
        let e164 = match uk_mobile_e164(raw) {
            Some(e164) => e164,
            None => parsed_e164(raw)?,
        };
        Ok(Identifier(Normalised::Phone(e164)))
    }

    /// An email address, bare or as `Name <address>`.
    pub fn email(raw: &str) -> Result<Identifier, IdentifierError> {
        let raw = raw.trim();
        let address = match (raw.rfind('<'), raw.rfind('>')) {
            (Some(open), Some(close)) if open < close => &raw[open + 1..close],
            _ => raw,
        }
        .trim();
        let (local, domain) = address.rsplit_once('@').ok_or(IdentifierError::Email)?;
        // One mailbox, however its address is spelt: `"sam"@…` is `sam@…`, a domain may end
        // in the root's dot (`example.org.`), and `bücher.example` is `xn--bcher-kva.example`.
        let local = match local.strip_prefix('"').and_then(|l| l.strip_suffix('"')) {
            Some(inner) if !inner.is_empty() && inner.chars().all(is_plain_local) => inner,
            _ => local,
        };
        let domain = domain.strip_suffix('.').unwrap_or(domain);
        let valid = !local.is_empty()
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !address.chars().any(|c| c.is_whitespace() || c.is_control());
        if !valid {
            return Err(IdentifierError::Email);
        }
        let domain = idna::domain_to_ascii(domain).map_err(|_| IdentifierError::Email)?;
        Ok(Identifier(Normalised::Email(format!(
            "{}@{domain}",
            local.to_lowercase()
        ))))
    }

    /// The normalised form, for the one place that must hand it to a gateway.
    pub fn expose(&self) -> &str {
        match &self.0 {
            Normalised::Phone(s) | Normalised::Email(s) => s,
        }
    }
}

/// A UK mobile number already in E.164 as Twilio sends it (`+447700900123`), or as GOV.UK
/// Notify does without the `+`: nearly every sender. Parsing it costs several
/// microseconds (the phonenumber crate even compiles regular expressions as it goes), and
/// for these numbers, `+44 7` and nine more digits, [`parsed_e164`] gives back the same
/// digits with a `+`, as a test checks. `None` for anything else.
fn uk_mobile_e164(raw: &str) -> Option<String> {
    let digits = raw.strip_prefix('+').unwrap_or(raw);
    let subscriber = digits.strip_prefix("447")?;
    if subscriber.len() != 9 || !subscriber.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut e164 = String::with_capacity(1 + digits.len());
    e164.push('+');
    e164.push_str(digits);
    Some(e164)
}

/// A phone number in any form, in E.164 by the phonenumber crate. `raw` is trimmed.
fn parsed_e164(raw: &str) -> Result<String, IdentifierError> {
    // GOV.UK Notify gives numbers as `447700900123`: international, without the `+`.
    // UK national numbers start with 0, so a long run of digits that does not is one.
    let international;
    let raw = if raw.len() >= 11 && raw.bytes().all(|b| b.is_ascii_digit()) && !raw.starts_with('0')
    {
        international = format!("+{raw}");
        international.as_str()
    } else {
        raw
    };
    let number = phonenumber::parse(Some(phonenumber::country::Id::GB), raw)
        .map_err(|_| IdentifierError::Phone)?;
    let e164 = number.format().mode(phonenumber::Mode::E164).to_string();
    let digits = e164.chars().filter(char::is_ascii_digit).count();
    if !(8..=15).contains(&digits) {
        return Err(IdentifierError::Phone);
    }
    Ok(e164)
}

/// A sender's stable, unlinkable-without-the-secret name: 64 hex characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Pseudonym(String);

impl Pseudonym {
    pub fn as_str(&self) -> &str {
        &self.0
    }
    pub(crate) fn from_store(s: String) -> Pseudonym {
        Pseudonym(s)
    }
}

/// A provider's message id (Twilio `MessageSid`, an email's `Message-ID`, ...), keyed the
/// same way: ids such as `Message-ID` can carry an address, so only this digest is kept.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct ProviderRef(String);

impl ProviderRef {
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// A reference read back from where heard kept it (an SMS conversation's state).
    pub(crate) fn from_store(s: String) -> ProviderRef {
        ProviderRef(s)
    }
}

/// Makes pseudonyms and provider references under keys derived from the server secret.
#[derive(Clone)]
pub struct Pseudonymiser {
    sender_key: [u8; 32],
    provider_key: [u8; 32],
    sign_in_key: [u8; 32],
}

impl fmt::Debug for Pseudonymiser {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Pseudonymiser(..)")
    }
}

impl Pseudonymiser {
    pub fn new(secret: &ServerSecret) -> Pseudonymiser {
        Pseudonymiser {
            sender_key: secret.derive("pseudonym/v1"),
            provider_key: secret.derive("provider-ref/v1"),
            sign_in_key: secret.derive("sign-in/v1"),
        }
    }

    pub fn pseudonym(&self, id: &Identifier) -> Pseudonym {
        // A phone number is keyed as it is: no copy of it on every text's path.
        let (kind, value) = match &id.0 {
            Normalised::Phone(v) => ("phone", Cow::Borrowed(v.as_str())),
            Normalised::Email(v) => ("email", Cow::Owned(one_mailbox(v))),
        };
        Pseudonym(mac_hex(
            &self.sender_key,
            &[kind.as_bytes(), value.as_bytes()],
        ))
    }

    pub fn provider_ref(&self, channel: Channel, provider_id: &str) -> ProviderRef {
        ProviderRef(mac_hex(
            &self.provider_key,
            &[channel.id().as_bytes(), provider_id.trim().as_bytes()],
        ))
    }
}

/// A character an address's local part may hold without quotes (RFC 5322's atext, and
/// any letter beyond ASCII, as SMTPUTF8 allows).
fn is_plain_local(c: char) -> bool {
    c.is_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c)
}

/// One form for the spellings of one mailbox, so one person is one sender: a `+tag` goes
/// (`sam+views@…` is `sam@…`), and at Gmail dots go too and `googlemail.com` is
/// `gmail.com`. Only the pseudonym uses it; mail is still sent to the address as given.
fn one_mailbox(address: &str) -> String {
    let Some((local, domain)) = address.rsplit_once('@') else {
        return address.to_owned();
    };
    // An address that is all tag ("+a@…") keeps it.
    let local = match local.split_once('+') {
        Some((base, _)) if !base.is_empty() => base,
        _ => local,
    };
    match domain {
        "gmail.com" | "googlemail.com" => format!("{}@gmail.com", local.replace('.', "")),
        _ => format!("{local}@{domain}"),
    }
}

impl Pseudonymiser {
    /// The key a staff sign-in's failures are counted under: whatever was typed as the email,
    /// so a mistyped (or someone else's) address is never stored as typed.
    pub fn sign_in_key(&self, typed_email: &str) -> String {
        mac_hex(
            &self.sign_in_key,
            &[typed_email.trim().to_lowercase().as_bytes()],
        )
    }
}

fn mac_hex(key: &[u8; 32], parts: &[&[u8]]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes any key length");
    for part in parts {
        // Length-prefixed so ("ab","c") and ("a","bc") differ.
        mac.update(&(part.len() as u64).to_be_bytes());
        mac.update(part);
    }
    hex::encode(mac.finalize().into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pseudonymiser() -> Pseudonymiser {
        Pseudonymiser::new(&ServerSecret::from_value(&"k".repeat(40)).unwrap())
    }

    #[test]
    fn phone_formats_share_one_pseudonym() {
        let p = pseudonymiser();
        let forms = [
            "07700 900123",
            "07700900123",
            "+44 7700 900123",
            "+447700900123",
            "447700900123",
            "0044 7700 900123",
            "(07700) 900-123",
        ];
        let first = p.pseudonym(&Identifier::phone(forms[0]).unwrap());
        for form in forms {
            assert_eq!(
                p.pseudonym(&Identifier::phone(form).unwrap()),
                first,
                "{form}"
            );
        }
        let other = p.pseudonym(&Identifier::phone("07700 900124").unwrap());
        assert_ne!(other, first);
        assert_eq!(first.as_str().len(), 64);
        assert!(!first.as_str().contains("7700900123"));
    }

    /// [`Identifier::phone`] as it was before its fast path: every number parsed.
    fn parsed(raw: &str) -> Result<Identifier, IdentifierError> {
        parsed_e164(raw.trim()).map(|e164| Identifier(Normalised::Phone(e164)))
    }

    #[test]
    fn uk_mobiles_in_e164_need_no_parsing() {
        use rand::{rngs::StdRng, Rng, SeedableRng};
        let mut rng = StdRng::seed_from_u64(44);
        let mut mobiles: Vec<String> = Vec::new();
        // Every three-digit range after +44 7, each with random subscriber digits, and
        // the ends of each range.
        for range in 0..1000 {
            let tail: u32 = rng.gen_range(0..1_000_000);
            mobiles.push(format!("+447{range:03}{tail:06}"));
            mobiles.push(format!("+447{range:03}000000"));
            mobiles.push(format!("+447{range:03}999999"));
        }
        for _ in 0..5000 {
            let number: u64 = rng.gen_range(0..1_000_000_000);
            mobiles.push(format!("+447{number:09}"));
        }
        for mobile in &mobiles {
            let notify_form = &mobile[1..];
            for form in [mobile.as_str(), notify_form, &format!(" {mobile}\n")] {
                assert!(uk_mobile_e164(form.trim()).is_some(), "{form}");
                assert_eq!(Identifier::phone(form), parsed(form), "{form}");
                assert_eq!(
                    Identifier::phone(form).unwrap().expose(),
                    mobile.as_str(),
                    "{form}"
                );
            }
        }
        // Near misses go the long way, and come out as they did.
        let near_misses = [
            "+44770090012",
            "+4477009001234",
            "+44 7700 900123",
            "+44 7700900123",
            "+4407700900123",
            "+44(0)7700900123",
            "+447700 900123",
            "+447700-900123",
            "+447700900１23",
            "+447700900٣23",
            "++447700900123",
            "+447700900123x",
            "+447700900123 ext. 5",
            "tel:+447700900123",
            "+4417700900123",
            "+446700900123",
            "+44 20 7946 0000",
            "+33612345678",
            "+12025550123",
            "07700900123",
            "0447700900123",
            "00447700900123",
            "44770090012",
            "4477009001234",
            "447",
            "+447",
            "",
        ];
        for form in near_misses {
            assert!(uk_mobile_e164(form.trim()).is_none(), "{form}");
            assert_eq!(Identifier::phone(form), parsed(form), "{form}");
        }
    }

    #[test]
    fn a_mobile_keeps_its_pseudonym() {
        // Pseudonyms already stored must still match: this one was made before the
        // fast path, by the phonenumber crate.
        let p = pseudonymiser();
        let slow = p.pseudonym(&parsed("07700 900123").unwrap());
        // HMAC-SHA256 under the derived key of ("phone", "+447700900123"), length-prefixed,
        // worked out apart from this code.
        assert_eq!(
            slow.as_str(),
            "da4581346715ad41d23840183b2c1cbd5aa15ae98894abd32c5dc74b8ce22caa"
        );
        assert_eq!(
            p.pseudonym(&Identifier::phone("+447700900123").unwrap()),
            slow
        );
        assert_eq!(
            p.pseudonym(&Identifier::phone("447700900123").unwrap()),
            slow
        );
    }

    #[test]
    fn emails_are_case_insensitive_and_unwrapped() {
        let p = pseudonymiser();
        let a = p.pseudonym(&Identifier::email("Sam.Parent@Example.org").unwrap());
        let b = p.pseudonym(&Identifier::email("\"Sam\" <sam.parent@example.org>").unwrap());
        assert_eq!(a, b);
        assert!(Identifier::email("not an address").is_err());
        assert!(Identifier::email("a@b").is_err());
        // Quotes round a plain local part, the root's dot, and a domain in Unicode.
        assert_eq!(
            a,
            p.pseudonym(&Identifier::email("\"sam.parent\"@example.org").unwrap())
        );
        assert_eq!(
            a,
            p.pseudonym(&Identifier::email("sam.parent@EXAMPLE.ORG.").unwrap())
        );
        let unicode = p.pseudonym(&Identifier::email("ola@bücher.example").unwrap());
        let punycode = p.pseudonym(&Identifier::email("ola@xn--bcher-kva.example").unwrap());
        assert_eq!(unicode, punycode);
        // A local part beyond ASCII is an address too.
        assert!(Identifier::email("żaneta@example.pl").is_ok());
        // Quotes that hold what needs them stay.
        assert_ne!(
            p.pseudonym(&Identifier::email("\"sam@home\"@example.org").unwrap()),
            p.pseudonym(&Identifier::email("sam@example.org").unwrap())
        );
    }

    #[test]
    fn spellings_of_one_mailbox_are_one_sender() {
        let p = pseudonymiser();
        let of = |a: &str| p.pseudonym(&Identifier::email(a).unwrap());
        assert_eq!(of("sam.parent@gmail.com"), of("samparent@gmail.com"));
        assert_eq!(
            of("Sam.Parent+views@googlemail.com"),
            of("samparent@gmail.com")
        );
        assert_eq!(of("sam+devon@example.org"), of("sam@example.org"));
        // Dots matter outside Gmail, and a different mailbox stays different.
        assert_ne!(of("sam.parent@example.org"), of("samparent@example.org"));
        assert_ne!(of("sam@gmail.com"), of("sam@example.org"));
        // An address that is all tag keeps it.
        assert_ne!(of("+a@example.org"), of("+b@example.org"));
        // The address mail goes to is the one given.
        let id = Identifier::email("Sam.Parent+views@gmail.com").unwrap();
        assert_eq!(id.expose(), "sam.parent+views@gmail.com");
    }

    #[test]
    fn phone_and_email_never_collide_and_debug_hides_value() {
        let id = Identifier::phone("07700 900123").unwrap();
        assert!(!format!("{id:?}").contains("7700"));
        assert!(Identifier::phone("hello").is_err());
    }

    #[test]
    fn keys_depend_on_the_secret() {
        let a = pseudonymiser();
        let b = Pseudonymiser::new(&ServerSecret::from_value(&"j".repeat(40)).unwrap());
        let id = Identifier::email("x@example.org").unwrap();
        assert_ne!(a.pseudonym(&id), b.pseudonym(&id));
        assert_ne!(
            a.provider_ref(Channel::Sms, "SM1"),
            a.provider_ref(Channel::Email, "SM1")
        );
    }
}
