-- Staff sign-in: failed attempts, for the lock-out. Keep in step with the other backend.
-- The key is a keyed hash of the email typed, so a mistyped address is never stored.
CREATE TABLE sign_in_failures (
    key          TEXT PRIMARY KEY,
    failures     BIGINT NOT NULL,
    last_at      BIGINT NOT NULL,
    locked_until BIGINT NOT NULL
);
