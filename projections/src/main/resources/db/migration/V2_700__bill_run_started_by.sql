-- GET /api/bill-runs says who started each run. Runs projected before this column existed keep null until the
-- billing read models are rebuilt (a replay fills it from BillRunStarted's metadata).
alter table bill_run add column started_by varchar(255);

comment on column bill_run.started_by is
    'The principal who requested the run (the principal in BillRunStarted''s metadata; "system" for the scheduler).';
