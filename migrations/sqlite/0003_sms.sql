-- The SMS channel. Senders are known only by pseudonym; a phone number is held nowhere
-- but in sms_outbox.recipient, sealed (AEAD), and only until the text is sent or 48 hours pass.

-- Where each texter is in a consultation. `state` is the channel's own JSON (answers so far
-- are scrubbed). Rows go after 30 days of silence.
CREATE TABLE sms_conversations (
    respondent TEXT PRIMARY KEY,
    state      TEXT NOT NULL,
    last_seen  BIGINT NOT NULL
);
CREATE INDEX sms_conversations_by_last_seen ON sms_conversations (last_seen);

-- Who has replied STOP. Kept until they reply START: an opt-out never expires.
CREATE TABLE sms_opt_outs (
    respondent TEXT PRIMARY KEY,
    since      BIGINT NOT NULL
);

-- Every message taken in, by keyed hash of (gateway, message id), with the texts sent back:
-- a retried webhook changes nothing and gets the same answer.
CREATE TABLE sms_inbound (
    provider_ref TEXT PRIMARY KEY,
    replies      TEXT NOT NULL,
    received_at  BIGINT NOT NULL
);
CREATE INDEX sms_inbound_by_received_at ON sms_inbound (received_at);

-- Texts waiting to go out through a gateway's API, retried with backoff.
CREATE TABLE sms_outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    gateway         TEXT NOT NULL,
    reference       TEXT NOT NULL UNIQUE,
    recipient       TEXT NOT NULL,
    body            TEXT NOT NULL,
    attempts        BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    expires_at      BIGINT NOT NULL
);
CREATE INDEX sms_outbox_by_next_attempt ON sms_outbox (next_attempt_at);
