-- One owner at a time for every step of a bill run, whatever the number of nodes: selecting its candidates and
-- completing it (the run's lease), billing a partition (the partition's lease). A lease names the node holding it and
-- runs out unless renewed; the partition's checkpoint only moves for its owner and from the position it read, so a
-- node that lost its lease (paused, cut off) rolls its segment back instead of billing it a second time.
alter table bill_run_execution
    add column owner       varchar(255),
    add column lease_until timestamptz;

alter table bill_run_partition
    add column owner            varchar(255),
    add column lease_until      timestamptz,
    add column technical_failed bigint not null default 0;

comment on column bill_run_partition.owner is 'The node billing the partition (or the last one that did).';
comment on column bill_run_partition.lease_until is
    'Database time until which the owner holds the partition; after it any node may take it over.';
comment on column bill_run_partition.technical_failed is
    'Subscriptions a defect of the ledger stopped (no business event recorded; see bill_run_technical_failure).';

-- Subscriptions a bill run could not bill because of a defect (an exception that is no business refusal): for
-- operators, not a business fact. The subscription's billing date did not move: the next run tries it again.
create table bill_run_technical_failure (
    run_id          varchar(255) not null,
    subscription_id varchar(255) not null,
    account_id      varchar(255) not null,
    error           varchar(255) not null,
    message         text,
    occurred_at     timestamptz  not null,
    primary key (run_id, subscription_id)
);
