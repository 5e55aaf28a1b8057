-- Coverage: expected shares per area, and API tokens for reading coverage (PostgreSQL).
-- Keep in step with migrations/sqlite. Nothing here is about a respondent.

-- Expected share per district. consultation_id NULL is the default baseline that replaces
-- the built-in Devon one; a consultation's own rows win over it. Shares are normalised.
CREATE TABLE baselines (
    consultation_id BIGINT REFERENCES consultations (id) ON DELETE CASCADE,
    area            TEXT NOT NULL,
    expected        DOUBLE PRECISION NOT NULL CHECK (expected > 0),
    imported_at     TEXT NOT NULL
);
CREATE UNIQUE INDEX baselines_by_consultation_area ON baselines (COALESCE(consultation_id, 0), area);

-- Tokens for GET /api/coverage/{slug}. Only the SHA-256 of a token is kept; the token itself
-- is shown once when made.
CREATE TABLE api_tokens (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    token_hash  TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL
);

-- Coverage counts with GROUP BY area, group and channel: this index covers the whole query,
-- so counting reads the index, never the table.
CREATE INDEX submissions_for_coverage
    ON submissions (consultation_id, area, respondent_group, channel);
-- Its first two columns do all the old one did.
DROP INDEX submissions_by_consultation_area;
