-- A running tally of submissions by consultation, day, area, group and channel (PostgreSQL),
-- kept by a trigger in the same transaction as every insert, change and delete of a
-- submission, so coverage reads a few thousand rows however many submissions there are.
-- Keep in step with migrations/sqlite. '' stands for an unknown area or group (NULLs would
-- not meet in the key). Concurrent transactions would queue on one hot row per cell, so
-- each connection adds to its own shard (its backend pid modulo 16); readers sum the shards.
CREATE TABLE coverage_tally (
    consultation_id  BIGINT NOT NULL,
    received_on      TEXT NOT NULL,
    area             TEXT NOT NULL,
    respondent_group TEXT NOT NULL,
    channel          TEXT NOT NULL,
    shard            BIGINT NOT NULL DEFAULT 0,
    n                BIGINT NOT NULL,
    PRIMARY KEY (consultation_id, received_on, area, respondent_group, channel, shard)
);

INSERT INTO coverage_tally (consultation_id, received_on, area, respondent_group, channel, n)
SELECT consultation_id, received_on, COALESCE(area, ''), COALESCE(respondent_group, ''),
       channel, COUNT(*)
FROM submissions
GROUP BY consultation_id, received_on, COALESCE(area, ''), COALESCE(respondent_group, ''),
         channel;

-- One cell of this connection's shard moves by `delta`; a shard may go below zero after a
-- delete or a move, and only the sum over shards means anything.
CREATE FUNCTION coverage_tally_add(
    c BIGINT, d TEXT, a TEXT, g TEXT, ch TEXT, delta BIGINT) RETURNS void LANGUAGE sql AS $$
    INSERT INTO coverage_tally
        (consultation_id, received_on, area, respondent_group, channel, shard, n)
    VALUES (c, d, COALESCE(a, ''), COALESCE(g, ''), ch, pg_backend_pid() % 16, delta)
    ON CONFLICT (consultation_id, received_on, area, respondent_group, channel, shard)
    DO UPDATE SET n = coverage_tally.n + EXCLUDED.n;
$$;

CREATE FUNCTION coverage_tally_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM coverage_tally_add(OLD.consultation_id, OLD.received_on, OLD.area,
                                   OLD.respondent_group, OLD.channel, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM coverage_tally_add(NEW.consultation_id, NEW.received_on, NEW.area,
                                   NEW.respondent_group, NEW.channel, 1);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER coverage_tally_insert_delete AFTER INSERT OR DELETE ON submissions
    FOR EACH ROW EXECUTE FUNCTION coverage_tally_keep();
-- A follow-up that learns the area (or group) moves the submission from one cell to another.
CREATE TRIGGER coverage_tally_update
    AFTER UPDATE OF consultation_id, received_on, area, respondent_group, channel ON submissions
    FOR EACH ROW
    WHEN ((OLD.consultation_id, OLD.received_on, OLD.area, OLD.respondent_group, OLD.channel)
          IS DISTINCT FROM
          (NEW.consultation_id, NEW.received_on, NEW.area, NEW.respondent_group, NEW.channel))
    EXECUTE FUNCTION coverage_tally_keep();
