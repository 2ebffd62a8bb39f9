-- unbilled_usage_account_idx indexed every unbilled usage record by its account. The ledger reads unbilled_usage by
-- subscription (the primary key's first column) or by batch event, never by account, so the index was pure cost on
-- every record recorded and billed: at issue 17's rates a third of the table's insert time (docs/benchmarks.md,
-- session 30). A reporting query by account narrows by the account's subscriptions first
-- (reporting.subscriptions joined with reporting.unbilled_usage), or brings an index of its own.
drop index if exists unbilled_usage_account_idx;

-- A record stays in unbilled_usage until its bill, which deletes it; the vacuum after those deletions is the one the
-- table needs. PostgreSQL also vacuums a table for its inserts alone (every 20 % more rows), which rewrote each page of
-- fresh records a second time (marking it all-visible) at issue 17's rates: not for this table.
alter table unbilled_usage set (autovacuum_vacuum_insert_threshold = -1);
