-- heard's first schema (PostgreSQL). Keep in step with migrations/sqlite.
-- Nothing here may hold a respondent's phone number, email address, name or full postcode:
-- senders appear only as pseudonyms, text only after scrubbing, places only as districts.

CREATE TABLE consultations (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE,
    title       TEXT NOT NULL,
    opens_on    TEXT NOT NULL,
    closes_on   TEXT,
    sms_keyword TEXT UNIQUE,
    -- The authored TOML, parsed again on load so the file stays the one definition.
    source      TEXT NOT NULL,
    loaded_at   TEXT NOT NULL
);

CREATE TABLE submissions (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    consultation_id  BIGINT NOT NULL REFERENCES consultations (id),
    channel          TEXT NOT NULL CHECK (channel IN ('web', 'sms', 'email', 'event')),
    area             TEXT,
    respondent_group TEXT,
    received_on      TEXT NOT NULL,
    -- HMAC of the provider's message id: ingestion is idempotent on (channel, provider_ref).
    provider_ref     TEXT,
    respondent       TEXT,
    UNIQUE (channel, provider_ref)
);

CREATE INDEX submissions_by_consultation_area ON submissions (consultation_id, area);
CREATE INDEX submissions_by_respondent ON submissions (respondent) WHERE respondent IS NOT NULL;

CREATE TABLE answers (
    submission_id BIGINT NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
    question_id   TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('choice', 'feeling', 'text', 'skipped')),
    choice        TEXT,
    feeling       BIGINT CHECK (feeling BETWEEN 1 AND 5),
    text          TEXT,
    PRIMARY KEY (submission_id, question_id)
);

-- Staff are named council officers, not respondents: their work address is how they sign
-- in and get the weekly digest.
CREATE TABLE staff (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE,
    role          TEXT NOT NULL CHECK (role IN ('admin', 'lead', 'safeguarding')),
    password_hash TEXT NOT NULL,
    created_at    TEXT NOT NULL
);
