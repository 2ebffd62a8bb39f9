-- Issue 12 (the bill run's cost of discounts): the applied additive discounts report reads discount_application by
-- period_start (and definition). A btree on (period_start, definition_code) took an entry for every application,
-- two per bill that catches up two periods, in the bill run's own transactions. Applications are written in the
-- order periods are billed, so a BRIN index on period_start (one small entry per 128 pages, made by vacuum) narrows
-- the report's scan to the pages of the periods asked for, at almost no cost to the writes.
drop index if exists discount_application_period_idx;
create index discount_application_period_brin on discount_application using brin (period_start);
