-- How many times the consultations have changed (SQLite), counted by triggers in the same
-- transaction as every insert, update and delete of one, however it is made. Instances on
-- PostgreSQL keep the consultations in memory and read this number beside each text; on
-- SQLite it is kept the same way so the two schemas stay alike. Keep in step with
-- migrations/postgres.
CREATE TABLE consultation_changes (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n  BIGINT NOT NULL
);

INSERT INTO consultation_changes (id, n) VALUES (1, 0);

CREATE TRIGGER consultation_changes_insert AFTER INSERT ON consultations
BEGIN
    UPDATE consultation_changes SET n = n + 1 WHERE id = 1;
END;

CREATE TRIGGER consultation_changes_update AFTER UPDATE ON consultations
BEGIN
    UPDATE consultation_changes SET n = n + 1 WHERE id = 1;
END;

CREATE TRIGGER consultation_changes_delete AFTER DELETE ON consultations
BEGIN
    UPDATE consultation_changes SET n = n + 1 WHERE id = 1;
END;
