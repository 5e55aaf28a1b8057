-- Follow-ups with a sender known only by pseudonym (first used by the email channel).
-- Nothing here holds an address: a respondent is the HMAC pseudonym, as in submissions.

-- At most one acknowledgement a day per sender. Rows older than a couple of days are removed.
CREATE TABLE acknowledgements (
    respondent TEXT NOT NULL,
    sent_on    TEXT NOT NULL,
    PRIMARY KEY (respondent, sent_on)
);

-- A view whose area heard could not find, whose sender was asked to reply with it. The reply
-- (from the same pseudonym, within 30 days) sets the area of this submission instead of
-- making a new one; answered_by is the reply's keyed message id, so a re-read reply is a no-op.
CREATE TABLE area_requests (
    submission_id BIGINT PRIMARY KEY REFERENCES submissions (id) ON DELETE CASCADE,
    respondent    TEXT NOT NULL,
    asked_on      TEXT NOT NULL,
    answered_by   TEXT UNIQUE
);
CREATE INDEX area_requests_by_respondent ON area_requests (respondent, asked_on);
