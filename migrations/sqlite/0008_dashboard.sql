-- The dashboard's filters and weekly trend count by day as well as area, group and channel:
-- this index covers those queries (a day range is one range of it), so they never read the
-- table. Keep in step with the other backend.
CREATE INDEX submissions_by_day
    ON submissions (consultation_id, received_on, area, respondent_group, channel);
