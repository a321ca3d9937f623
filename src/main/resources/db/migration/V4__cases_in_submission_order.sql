-- Impact simulations replay stored cases in the order they were submitted, a page at a time.
CREATE INDEX case_record_submitted ON case_record (submitted_at, owner, case_id);
