-- Read models of jobs, built by org.subledger.projection.job and read by the query side. Derived data: a replay
-- truncates and rebuilds them from the event store.

create table job_summary (
    job_id              varchar(255)   not null,
    account_id          varchar(255)   not null,
    job_type_code       varchar(64)    not null,
    state               varchar(16)    not null,
    billing_term_scheme varchar(64)    not null,
    price_plan          varchar(64)    not null,
    owning_unit         varchar(64),
    assigned_unit       varchar(64),
    created_on          date           not null,
    expected_completion date           not null,
    actual_completion   date,
    late                boolean        not null default false,
    subscription_id     varchar(255),
    bill_id             varchar(255),
    bill_number         varchar(32),
    bill_total          numeric(19, 4),
    bill_currency       char(3),
    version             bigint         not null,
    primary key (job_id)
);
create index job_summary_account_idx on job_summary (account_id, created_on, job_id);
create index job_summary_assigned_idx on job_summary (assigned_unit, state);
create index job_summary_open_idx on job_summary (expected_completion) where state in ('PENDING', 'IN_PROGRESS');

comment on table job_summary is
    'One row per job as it stands now: account, job type, life-cycle state, billing terms, owning and assigned unit, '
    'dates, the subscription it orders and its bill.';
comment on column job_summary.state is 'PENDING, IN_PROGRESS, COMPLETED or CANCELLED.';
comment on column job_summary.assigned_unit is 'The unit or installer company (third-party unit) the job is assigned to.';
comment on column job_summary.late is 'Completed after its expected completion date.';
comment on column job_summary.subscription_id is 'The subscription an order job creates on completion.';
comment on column job_summary.bill_total is 'The total of its one bill (VAT included), once billed.';

-- a job's bill belongs to no subscription
alter table bill alter column subscription_id drop not null;
comment on column bill.subscription_id is 'The subscription billed; null for a job''s bill (kind JOB).';
