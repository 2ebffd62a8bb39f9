-- The discount state of jobs (issues 12 and 13): each discount of a job as its stream says, and what billing took
-- off the job's one bill with it. As for subscriptions, neither table holds the owning unit nor the account: readers
-- join job_summary for them.
create table job_discount (
    job_id           varchar(255)   not null,
    discount_id      varchar(255)   not null,
    definition_code  varchar(64)    not null,
    discount_type    varchar(16)    not null,
    status           varchar(20)    not null,
    value_kind       varchar(16),
    amount           numeric(19, 4),
    currency         char(3),
    percentage       numeric(9, 4),
    level            integer,
    added_on         date,
    note             text,
    added_by         varchar(255),
    added_unit       varchar(64),
    added_at         timestamptz,
    decided_by       varchar(255),
    decided_at       timestamptz,
    decided_on       date,
    decision_reason  text,
    version          bigint         not null,
    primary key (job_id, discount_id)
);
create index job_discount_pending_idx on job_discount (added_at) where status = 'PENDING_APPROVAL';

create table job_discount_application (
    job_id           varchar(255)   not null,
    discount_id      varchar(255)   not null,
    definition_code  varchar(64)    not null,
    bill_id          varchar(255)   not null,
    billed_on        date           not null,
    amount           numeric(19, 4) not null,
    currency         char(3)        not null,
    applied_at       timestamptz    not null,
    -- the JobDiscountApplied event's place in the job's stream
    event_sequence   bigint         not null,
    primary key (job_id, event_sequence)
);
create index job_discount_application_billed_idx on job_discount_application (billed_on, definition_code);

comment on table job_discount is
    'The discount state of jobs: one row per discount on a job (ad hoc ones as added, auto-apply ones from their '
    'application), with its status, value and who added and decided on it.';
comment on table job_discount_application is
    'Each discount a job''s one bill got, and the amount it took off: the applied additive discounts report sums '
    'these with the subscriptions'' applications.';
