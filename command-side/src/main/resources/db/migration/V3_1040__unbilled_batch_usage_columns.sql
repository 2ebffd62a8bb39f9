-- Issue 17: each unbilled batch record was kept as its UsageRecorded's JSON (~500 bytes a row, serialised a second time
-- by the batch that recorded it, parsed again by its bill). Every byte of a row is written three times on the way in
-- (the row, its WAL, the page when it is written out) and again by vacuum: at 10,000 records a second PostgreSQL spent
-- a third of its CPU copying ~5 kB a record into the operating system's files (docs/benchmarks.md, session 30). The
-- record's values now have columns of their own (~150 bytes a row), read back into the same UsageRecorded.
-- Idempotent (it runs again in UnbilledBatchUsageIT to check the conversion of rows stored before it).
alter table unbilled_batch_usage add column if not exists account_id text;
alter table unbilled_batch_usage add column if not exists product_code text;
alter table unbilled_batch_usage add column if not exists usage_catalog_code text;
alter table unbilled_batch_usage add column if not exists related_service_code text;
alter table unbilled_batch_usage add column if not exists used_at text;
alter table unbilled_batch_usage add column if not exists rating_level text;
alter table unbilled_batch_usage add column if not exists rating_units bigint;
alter table unbilled_batch_usage add column if not exists unit_amount numeric;
alter table unbilled_batch_usage add column if not exists line_amount numeric;
alter table unbilled_batch_usage add column if not exists recorded_on date;
alter table unbilled_batch_usage add column if not exists behaviour_code text;
alter table unbilled_batch_usage add column if not exists business_classification_code text;
alter table unbilled_batch_usage add column if not exists action_type text;
alter table unbilled_batch_usage add column if not exists sub_action_type text;

update unbilled_batch_usage u
set account_id                   = j.p ->> 'accountId',
    product_code                 = j.p ->> 'productCode',
    usage_catalog_code           = j.p ->> 'usageCatalogCode',
    related_service_code         = j.p ->> 'relatedServiceCode',
    used_at                      = j.p ->> 'usedAt',
    rating_level                 = j.p #>> '{explanation,level}',
    rating_units                 = (j.p #>> '{explanation,units}')::bigint,
    unit_amount                  = (j.p #>> '{explanation,unitAmount,amount}')::numeric,
    line_amount                  = (j.p #>> '{explanation,amount,amount}')::numeric,
    recorded_on                  = (j.p ->> 'recordedOn')::date,
    behaviour_code               = j.p #>> '{action,behaviourCode}',
    business_classification_code = j.p #>> '{action,businessClassificationCode}',
    action_type                  = j.p #>> '{action,actionType}',
    sub_action_type              = j.p #>> '{action,subActionType}'
from (select subscription_id, record_id, payload::jsonb as p from unbilled_batch_usage) j
where u.subscription_id = j.subscription_id and u.record_id = j.record_id;

alter table unbilled_batch_usage drop column payload;

comment on column unbilled_batch_usage.account_id is 'The subscription''s account';
comment on column unbilled_batch_usage.product_code is 'The usage service used (catalog product code)';
comment on column unbilled_batch_usage.usage_catalog_code is 'The usage catalog that rated it';
comment on column unbilled_batch_usage.related_service_code is 'The termed service the usage service needs';
comment on column unbilled_batch_usage.used_at is
    'When it was used, subscriber''s local time, as ISO-8601 text (a record may give nanoseconds)';
comment on column unbilled_batch_usage.rating_level is 'The rating line''s level (its range, or "base")';
comment on column unbilled_batch_usage.rating_units is 'The rating line''s units; null: the record has no rating line';
comment on column unbilled_batch_usage.unit_amount is 'The rating line''s price a unit, in the record''s currency';
comment on column unbilled_batch_usage.line_amount is 'The rating line''s amount, in the record''s currency';
comment on column unbilled_batch_usage.recorded_on is 'The business date the record was accepted on';
comment on column unbilled_batch_usage.behaviour_code is 'The recording action''s behaviour code (RECORD_USAGE)';
comment on column unbilled_batch_usage.business_classification_code is
    'The recording action''s business classification';
comment on column unbilled_batch_usage.action_type is 'The recording action''s type';
comment on column unbilled_batch_usage.sub_action_type is 'The recording action''s sub-type';

-- A row lives until its bill deletes it; the vacuum after those deletions is the one the table needs. PostgreSQL also
-- vacuums a table for its inserts alone (every 20 % more rows), which rewrote each page of fresh rows a second time
-- (marking it all-visible) at issue 17's rates: not for this table.
alter table unbilled_batch_usage set (autovacuum_vacuum_insert_threshold = -1);
