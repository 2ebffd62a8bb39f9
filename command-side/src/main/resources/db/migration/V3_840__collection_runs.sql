-- Execution of deactivation and reactivation runs (org.subledger.command.collections). What a run did is in its
-- events; this table only says which runs are unfinished, when their next batch may start (the pause between batches,
-- in the ledger's time, so a pause of a day survives a restart) and which node works on a run now.
create table collection_run_execution (
    run_id         varchar(255) not null,
    definition_id  varchar(255) not null,
    next_batch_at  timestamptz  not null,
    owner          varchar(255),
    lease_until    timestamptz,
    finished       boolean      not null default false,
    registered_at  timestamptz  not null,
    primary key (run_id)
);
create index collection_run_execution_unfinished_idx on collection_run_execution (next_batch_at) where not finished;

comment on table collection_run_execution is
    'Deactivation and reactivation runs being executed: unfinished ones are resumed by any node after a restart.';
comment on column collection_run_execution.next_batch_at is
    'Ledger time before which the run''s next batch does not start (the pause between batches).';
comment on column collection_run_execution.owner is 'The node executing the run (or the last one that did).';
comment on column collection_run_execution.lease_until is
    'Database time until which the owner holds the run; after it any node may take it over.';

-- The run definitions, for listing them; kept in the transaction of the command that records a definition's events.
create table collection_run_definition (
    definition_id varchar(255) not null,
    name          text         not null,
    kind          varchar(16)  not null,
    active        boolean      not null default false,
    created_at    timestamptz  not null,
    primary key (definition_id)
);
