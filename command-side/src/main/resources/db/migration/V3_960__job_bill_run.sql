-- Jobs of a job type billed by the bill run (JobBillingDeferred): due to the first run whose billing date is on or
-- after their completion. Kept in the transaction of the completion (a subscribing processor), removed in the
-- transaction that bills the job.
create table job_bill_run_due (
    job_id     varchar(255) not null,
    account_id varchar(255) not null,
    due_on     date         not null,
    primary key (job_id)
);
create index job_bill_run_due_date_idx on job_bill_run_due (due_on, account_id);

-- A bill run's frozen job candidates and what became of each (null: not billed yet, so a resumed run bills it);
-- the outcome is written in the transaction that bills the job.
create table bill_run_job_candidate (
    run_id     varchar(255) not null,
    job_id     varchar(255) not null,
    account_id varchar(255) not null,
    outcome    varchar(16),
    primary key (run_id, job_id)
);
