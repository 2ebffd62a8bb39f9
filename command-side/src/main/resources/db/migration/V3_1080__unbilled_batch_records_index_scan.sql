-- Issue 17: a subscription's unbilled batch records read by a plain index scan, which skips what bills left behind.
--
-- A bill clears its records' values (bill_batch_records), so each billed record leaves a dead entry in the partial
-- index usage_record_id_unbilled until vacuum reaches this table, which holds every record id ever recorded (rarely).
-- With usage bills keeping up (session 35: a fifth of the subscriptions billed early, ~1,000 bills a second) the
-- batches' tallies of their early-billed subscriptions (unbilled_batch_records) read ~4,300 blocks a call, 15.6 ms,
-- the second largest cost in pg_stat_statements: a bitmap scan visits every dead entry's heap page on every call. A
-- plain index scan marks an entry it finds dead to every transaction as such (PostgreSQL's kill_prior_tuple), so the
-- next scan skips it without visiting the heap.
alter function unbilled_batch_records(varchar[]) set enable_bitmapscan = off;
