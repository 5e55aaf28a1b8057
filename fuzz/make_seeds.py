#!/usr/bin/env python3
"""Writes the committed seed corpora, fuzz/corpus/<target>/seed-*, from heard's own test
data: the SMS reply table (tests/sms_parts.rs), the scrubber corpora, the test emails,
and webhook bodies shaped like Twilio's and Notify's. Run from anywhere; rewrites the
seeds and leaves libFuzzer's own corpus files (named by their SHA-1) alone."""

import base64, hashlib, hmac, json, pathlib, re, urllib.parse

FUZZ = pathlib.Path(__file__).resolve().parent
ROOT = FUZZ.parent
CORPUS = FUZZ / "corpus"


def write(target, seeds):
    d = CORPUS / target
    d.mkdir(parents=True, exist_ok=True)
    for old in d.glob("seed-*"):
        old.unlink()
    for i, data in enumerate(seeds):
        (d / f"seed-{i:02}").write_bytes(data if isinstance(data, bytes) else data.encode())


# Twilio: url \n X-Twilio-Signature \n body, signed with the fuzz target's token.
def twilio_sig(token, url, body):
    params = []
    for pair in filter(None, body.split("&")):
        name, _, value = pair.partition("=")
        dec = urllib.parse.unquote_plus
        params.append((dec(name), dec(value)))
    s = url + "".join(n + v for n, v in sorted(set(params)))
    return base64.b64encode(hmac.new(token.encode(), s.encode(), hashlib.sha1).digest()).decode()


url = "https://heard.example/sms/twilio"
bodies = [
    "ToCountry=GB&MessageSid=SM0123456789abcdef0123456789abcdef&From=%2B447700900123"
    "&To=%2B447700900999&Body=Two%21&NumMedia=0&AccountSid=AC0123456789abcdef0123456789abcdef",
    "MessageSid=SMabc&From=%2B447700900123&To=%2B447700900999&Body=my+son+Tom+%F0%9F%98%80",
    "MessageSid=SMabc&From=%2B447700900123&To=%2B447700900999&Body=",
    "From=%2B447700900123&To=%2B447700900999&Body=hi",
    "MessageSid=SM1&MessageSid=SM2&From=1&To=2&Body=x",
    "Body=%E2%82",
    "MessageSid=SM-1&From=+44+7700&To=%0A&Body=%D8%B3%D8%B9%D9%8A%D8%AF",
]
tw = []
for b in bodies:
    tw.append(f"{url}\n{twilio_sig('fuzz-auth-token', url, b)}\n{b}")
tw.append(f"https://heard.example:443/sms/twilio?x=1\nnot-base64\n{bodies[0]}")
tw.append(f"http://[::1]:80/sms\n0/KCTR6DLpKmkAf8muzZqo1nDgQ=\n{bodies[1]}")
write("twilio_webhook", tw)

# Notify: Authorization \n JSON body.
ok = {
    "id": "df10a23e-2c6d-4ea5-87fb-82e520cbf93a",
    "source_number": "447700900111",
    "destination_number": "07700900000",
    "message": "Tak",
    "date_received": "2026-11-02T10:00:00.000000Z",
}
def b64u(b):
    return base64.urlsafe_b64encode(b).rstrip(b"=").decode()
secret = "3d844edf-8d35-48ac-975b-e847b4f122b0"
head = b64u(b'{"typ":"JWT","alg":"HS256"}')
claims = b64u(b'{"iss":"26785a09-ab16-4eb0-8407-a37497a57506","iat":1700000000}')
sig = b64u(hmac.new(secret.encode(), f"{head}.{claims}".encode(), hashlib.sha256).digest())
no = [
    ("Bearer fuzz-callback-token", json.dumps(ok)),
    ("Bearer fuzz-callback-token", json.dumps({**ok, "message": "my son Tom \U0001F600 \u0661"})),
    ("Bearer fuzz-callback-token", json.dumps({**ok, "date_received": None})),
    ("Bearer fuzz-callback-token", json.dumps({k: v for k, v in ok.items() if k != "id"})),
    ("Bearer fuzz-callback-token", json.dumps({**ok, "id": "not-a-uuid"})),
    ("Bearer fuzz-callback-token", json.dumps({**ok, "source_number": ""})),
    ("bearer  fuzz-callback-token ", '{"id": 1}'),
    ("Basic abc", json.dumps(ok)),
    (f"Bearer {head}.{claims}.{sig}", json.dumps(ok)),
    ("", "[1, 2, {\"a\": \"\\ud800\"}]"),
]
write("notify_webhook", [f"{a}\n{b}" for a, b in no])

# SMS replies: a selector byte, then the text, from the reply table.
table = (ROOT / "tests" / "sms_parts.rs").read_text()
start = table.index("fn generous_reply_table")
rows = re.findall(r'\(\s*"[a-z-]+",\s*(en|pl|ar),\s*"((?:[^"\\]|\\.)*)",', table[start:])
seen, sms = set(), []
for i, (loc, text) in enumerate(rows):
    text = text.encode().decode("unicode_escape").encode("latin-1").decode() if "\\" in text else text
    if text in seen:
        continue
    seen.add(text)
    if len(seen) % 4 == 1 or any(ord(c) > 127 for c in text):
        sel = {"en": 0, "pl": 1, "ar": 2}[loc] + 3 * (i % 80)
        sms.append(bytes([sel % 256]) + text.encode())
write("sms_reply", sms[:40])

# Scrubber: every twelfth line of each corpus (the input only).
lines = []
for name in ["with_pii.txt", "without_pii.txt"]:
    rows = [l for l in (ROOT / "tests/data/scrubber" / name).read_text().splitlines()
            if l.strip() and not l.startswith("#")]
    lines += [l.split("\t")[0] for l in rows[::12]]
# Control and invisible characters, which go before anything else is looked for: with
# nothing else found (what fuzzing first stopped on), and hiding a phone number and a name.
lines += [
    "Year 11 exams wit\x01\x00 \ufffdh 25% extra time",
    "ring 07700\u200b900\x00123 or \ufeffOliver\u200b Smith",
    # Said in words, and names no list holds where only a person fits.
    "call oh seven seven double oh nine double oh one two three, born the twelfth of March twenty fifteen",
    "Bartek and Zofia are twins; Tymek's mum said bullied by Zuzanna. Thanks, Kasia",
    "jo underscore smith at outlook dot com or O7700 triple nine 0 one two",
    # Initials before a surname, family words as titles, flats in named buildings.
    "Mrs J R Smith and Mr A. B. Jones; Thanks\nS.J. Collins. love from Nan (Pat), Ta, Dean",
    "Apartment 4, The Maltings; our house is called Rose Cottage. Olivia's mum Lily-Mai",
]
write("scrub", lines)

# MIME: every test email.
write("mime_read", [p.read_bytes() for p in sorted((ROOT / "tests/data/emails").glob("*.eml"))])
