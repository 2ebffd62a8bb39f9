-- Command-side state of the billing engine. None of it is a read model: the event store stays the source of truth.

-- Which subscriptions a bill run looks at, and from when. Kept in the transaction of every command that changes it
-- (a subscribing "lookup-" processor) and of every bill, so a run never misses a subscription committed before it.
-- A row that is due too early costs one read (the run then finds nothing to bill); the decision is always taken on
-- the subscription's own event stream.
create table billing_index (
    subscription_id        varchar(255) not null primary key,
    account_id             varchar(255) not null,
    subscription_type_code varchar(255) not null,
    billing_frequency      varchar(32),
    next_billing_date      date,
    updated_at             timestamptz  not null
);
create index billing_index_due_ix on billing_index (next_billing_date) where next_billing_date is not null;
comment on table billing_index is
    'Per subscription: the date a bill run is next to look at it (null: none); maintained with its events';

-- Gapless bill numbers per year: the row is locked by the transaction that issues bills until it commits, so a
-- rolled-back bill gives its number back.
create table bill_number_series (
    series_year integer not null primary key,
    last_number bigint  not null
);

-- A bill run's execution: which subscriptions it selected (frozen when it starts, split into partitions by account)
-- and how far each partition got. The checkpoint moves in the transaction that bills a segment.
create table bill_run_execution (
    run_id                 varchar(255) not null primary key,
    billing_date           date         not null,
    billing_frequency      varchar(32),
    subscription_type_code varchar(255),
    status                 varchar(16)  not null,
    meta_data              text,
    started_event_id       varchar(255),
    created_at             timestamptz  not null,
    completed_at           timestamptz,
    constraint bill_run_execution_status_ck check (status in ('SELECTING', 'RUNNING', 'COMPLETED'))
);

create table bill_run_candidate (
    run_id          varchar(255) not null,
    partition_no    integer      not null,
    account_id      varchar(255) not null,
    subscription_id varchar(255) not null,
    primary key (run_id, partition_no, account_id, subscription_id)
);

create table bill_run_partition (
    run_id               varchar(255) not null,
    partition_no         integer      not null,
    last_account_id      varchar(255),
    last_subscription_id varchar(255),
    billed               bigint       not null default 0,
    skipped              bigint       not null default 0,
    failed               bigint       not null default 0,
    done                 boolean      not null default false,
    primary key (run_id, partition_no)
);
