-- A running tally of submissions by consultation, day, area, group and channel (SQLite), kept
-- by triggers in the same transaction as every insert, change and delete of a submission, so
-- coverage reads a few thousand rows however many submissions there are. Keep in step with
-- migrations/postgres. '' stands for an unknown area or group (NULLs would not meet in the
-- key); `shard` spreads concurrent writers over rows on PostgreSQL and is always 0 here,
-- where there is one writer at a time.
CREATE TABLE coverage_tally (
    consultation_id  INTEGER NOT NULL,
    received_on      TEXT NOT NULL,
    area             TEXT NOT NULL,
    respondent_group TEXT NOT NULL,
    channel          TEXT NOT NULL,
    shard            INTEGER NOT NULL DEFAULT 0,
    n                INTEGER NOT NULL,
    PRIMARY KEY (consultation_id, received_on, area, respondent_group, channel, shard)
) WITHOUT ROWID;

INSERT INTO coverage_tally (consultation_id, received_on, area, respondent_group, channel, n)
SELECT consultation_id, received_on, COALESCE(area, ''), COALESCE(respondent_group, ''),
       channel, COUNT(*)
FROM submissions
GROUP BY consultation_id, received_on, COALESCE(area, ''), COALESCE(respondent_group, ''),
         channel;

CREATE TRIGGER coverage_tally_insert AFTER INSERT ON submissions
BEGIN
    INSERT INTO coverage_tally (consultation_id, received_on, area, respondent_group, channel, n)
    VALUES (NEW.consultation_id, NEW.received_on, COALESCE(NEW.area, ''),
            COALESCE(NEW.respondent_group, ''), NEW.channel, 1)
    ON CONFLICT (consultation_id, received_on, area, respondent_group, channel, shard)
    DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER coverage_tally_delete AFTER DELETE ON submissions
BEGIN
    INSERT INTO coverage_tally (consultation_id, received_on, area, respondent_group, channel, n)
    VALUES (OLD.consultation_id, OLD.received_on, COALESCE(OLD.area, ''),
            COALESCE(OLD.respondent_group, ''), OLD.channel, -1)
    ON CONFLICT (consultation_id, received_on, area, respondent_group, channel, shard)
    DO UPDATE SET n = n + excluded.n;
END;

-- A follow-up that learns the area (or group) moves the submission from one cell to another.
CREATE TRIGGER coverage_tally_update
AFTER UPDATE OF consultation_id, received_on, area, respondent_group, channel ON submissions
BEGIN
    INSERT INTO coverage_tally (consultation_id, received_on, area, respondent_group, channel, n)
    VALUES (OLD.consultation_id, OLD.received_on, COALESCE(OLD.area, ''),
            COALESCE(OLD.respondent_group, ''), OLD.channel, -1)
    ON CONFLICT (consultation_id, received_on, area, respondent_group, channel, shard)
    DO UPDATE SET n = n + excluded.n;
    INSERT INTO coverage_tally (consultation_id, received_on, area, respondent_group, channel, n)
    VALUES (NEW.consultation_id, NEW.received_on, COALESCE(NEW.area, ''),
            COALESCE(NEW.respondent_group, ''), NEW.channel, 1)
    ON CONFLICT (consultation_id, received_on, area, respondent_group, channel, shard)
    DO UPDATE SET n = n + excluded.n;
END;
