-- The safeguarding queue's action log, and the weekly digest's runs (PostgreSQL).
-- Keep in step with migrations/sqlite.

-- What staff did about a flagged submission: seen, acted on, a note, reopened. A note is
-- scrubbed text (it could name a child). The email is kept beside the id so the log still
-- says who after an account is removed.
CREATE TABLE safeguarding_actions (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    submission_id BIGINT NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
    staff_id      BIGINT REFERENCES staff (id) ON DELETE SET NULL,
    staff_email   TEXT NOT NULL,
    action        TEXT NOT NULL CHECK (action IN ('seen', 'acted_on', 'note', 'reopened')),
    note          TEXT,
    at            BIGINT NOT NULL
);
CREATE INDEX safeguarding_actions_by_submission ON safeguarding_actions (submission_id, id);
CREATE INDEX submissions_flagged ON submissions (flagged) WHERE flagged = 1;

-- One row per run of a scheduled job and period ('digest', '2026-12-07'): inserting it claims
-- the run, so several instances, or a restart, never send the same week twice. A run made on
-- demand has a period of its own ('now-...').
CREATE TABLE job_runs (
    job         TEXT NOT NULL,
    period      TEXT NOT NULL,
    started_at  BIGINT NOT NULL,
    finished_at BIGINT,
    PRIMARY KEY (job, period)
);

-- Who a run has reached, so a run resumed after a crash skips them. Staff, never respondents.
CREATE TABLE job_sends (
    job      TEXT NOT NULL,
    period   TEXT NOT NULL,
    staff_id BIGINT NOT NULL,
    sent_at  BIGINT NOT NULL,
    PRIMARY KEY (job, period, staff_id),
    FOREIGN KEY (job, period) REFERENCES job_runs (job, period) ON DELETE CASCADE
);

-- One holder at a time per job, until expires_at (unix seconds): runs never interleave, and a
-- holder that died is replaced once its lease runs out.
CREATE TABLE job_leases (
    job        TEXT PRIMARY KEY,
    holder     TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);
