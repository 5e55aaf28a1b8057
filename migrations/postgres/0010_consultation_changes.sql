-- How many times the consultations have changed (PostgreSQL), counted by a trigger in the
-- same transaction as every insert, update and delete of one, however it is made. Each
-- instance keeps the consultations in memory for its webhooks and reads this number beside
-- each text's conversation: a new number means another instance (or someone by hand)
-- changed them, and they are read again. Keep in step with migrations/sqlite.
CREATE TABLE consultation_changes (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n  BIGINT NOT NULL
);

INSERT INTO consultation_changes (id, n) VALUES (1, 0);

CREATE FUNCTION consultation_changes_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE consultation_changes SET n = n + 1 WHERE id = 1;
    RETURN NULL;
END
$$;

CREATE TRIGGER consultation_changes_count AFTER INSERT OR UPDATE OR DELETE ON consultations
    FOR EACH STATEMENT EXECUTE FUNCTION consultation_changes_count();
