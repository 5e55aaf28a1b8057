-- Sessions for web form progress (and, later, staff sign-in). Form answers are scrubbed before
-- they are saved here, and a typed postcode never is: only the district it points to.
CREATE TABLE sessions (
    id         TEXT PRIMARY KEY,
    data       TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

-- Which outreach link brought a view in (`poster-12`), so leads can see what works.
ALTER TABLE submissions ADD COLUMN outreach TEXT;

-- 1 where words suggest a child may be at risk, for the safeguarding lead's queue.
ALTER TABLE submissions ADD COLUMN flagged BIGINT NOT NULL DEFAULT 0;
