-- The ledger instance running an IN_PROGRESS request: a live instance holds a PostgreSQL advisory lock on this id
-- for as long as it runs, so a claim left behind by a crashed instance is recognised (and taken over) at once.
alter table idempotency_key add column owner_instance integer;
comment on column idempotency_key.owner_instance is
    'While IN_PROGRESS: the instance running the request (the advisory lock it holds while alive)';
