-- Issue 17: a usage batch's duplicate check, as a function whose plan cannot become a sequential scan.
--
-- The check joins usage_record_id to the batch's (subscription, record id) pairs. Sent as a plain statement, the
-- driver turns it into a server-side prepared statement after five executions on a connection, and PostgreSQL may
-- then keep a generic plan made from the table's statistics at that moment. In a new ledger they say "empty" (never
-- analyzed, or analyzed while empty), and the plan kept is a hash join over a sequential scan of the whole table:
-- 127 ms per look-up of 1,000 records at 500,000 rows (psql, PostgreSQL 17), until autovacuum's first analyze
-- replaces it. Statistics always lag a table that grows by thousands of rows a second, so the planner is not asked:
-- the function turns sequential scans and hash and merge joins off for its own query only (SET on the function),
-- which leaves one probe of the primary key per pair — 2.3-2.7 ms per 1,000 at 500,000 rows, whatever the
-- statistics say, and as cheap on a small table. A function with SET is never inlined, and its query is planned at
-- each call.
create function usage_records_recorded(subscription_ids varchar[], record_ids varchar[])
    returns table (subscription_id varchar, record_id varchar)
    language sql
    stable
    set enable_seqscan = off
    set enable_hashjoin = off
    set enable_mergejoin = off
as
$$
select u.subscription_id, u.record_id
from usage_record_id u
join unnest(subscription_ids, record_ids) as asked(subscription_id, record_id)
    on u.subscription_id = asked.subscription_id and u.record_id = asked.record_id
$$;
comment on function usage_records_recorded(varchar[], varchar[]) is
    'The pairs (subscription, usage record id) among those given (two arrays of the same length) already recorded.';
