-- Issue 17: a batch record is one row, its id's claim, from the batch that records it to the bill that includes it.
--
-- A batch record cost PostgreSQL two inserts on the way in, each a heap tuple and a primary-key entry on the same
-- (subscription, record id): the claim of its id (usage_record_id, kept for ever) and billing's row
-- (unbilled_batch_usage, until its bill), and the bill added a third (billed_batch_usage: where the record was
-- recorded). The claim now carries the record's values while it is unbilled and its batch event for good: the batch
-- copies its records' claims in with their values (one insert a record), the bill clears the values (the record is
-- billed) and keeps the event, and the per-record path's claims stay bare rows in the same key space. A batch decides
-- first and writes its claims last; a claim found taken then fails the batch, which is decided again after looking
-- its ids up (MediationBatchHandler).
--
-- Columns as unbilled_batch_usage had them (V3_1040, V3_1050); a row is unbilled exactly while its amount is there,
-- and usage_record_id_unbilled (partial: unbilled rows only) finds a subscription's unbilled rows whatever its
-- history holds. The views batch_usage_event and reporting.unbilled_usage read the new columns; V2_997 makes them
-- too when the projections' migrations run after this one (a node carries only its own modules' migrations, and
-- V2_996, run then, replaces batch_usage_event with its empty stand-in).
alter table usage_record_id
    add column account_id                   text,
    add column product_code                 text,
    add column usage_catalog_code           text,
    add column related_service_code         text,
    add column used_at                      text,
    add column amount                       numeric,
    add column currency                     char(3),
    add column rating_level                 text,
    add column rating_units                 bigint,
    add column unit_amount                  numeric,
    add column line_amount                  numeric,
    add column recorded_on                  date,
    add column behaviour_code               text,
    add column business_classification_code text,
    add column action_type                  text,
    add column sub_action_type              text,
    add column event_id                     uuid;

-- every batch record's claim was taken with it; on conflict covers a row whose claim was not (none should be)
insert into usage_record_id (subscription_id, record_id, account_id, product_code, usage_catalog_code,
                             related_service_code, used_at, amount, currency, rating_level, rating_units, unit_amount,
                             line_amount, recorded_on, behaviour_code, business_classification_code, action_type,
                             sub_action_type, event_id)
select subscription_id, record_id, account_id, product_code, usage_catalog_code, related_service_code, used_at, amount,
       currency, rating_level, rating_units, unit_amount, line_amount, recorded_on, behaviour_code,
       business_classification_code, action_type, sub_action_type, event_id
from unbilled_batch_usage
on conflict (subscription_id, record_id) do update
    set account_id = excluded.account_id, product_code = excluded.product_code,
        usage_catalog_code = excluded.usage_catalog_code, related_service_code = excluded.related_service_code,
        used_at = excluded.used_at, amount = excluded.amount, currency = excluded.currency,
        rating_level = excluded.rating_level, rating_units = excluded.rating_units,
        unit_amount = excluded.unit_amount, line_amount = excluded.line_amount, recorded_on = excluded.recorded_on,
        behaviour_code = excluded.behaviour_code,
        business_classification_code = excluded.business_classification_code,
        action_type = excluded.action_type, sub_action_type = excluded.sub_action_type,
        event_id = excluded.event_id;

insert into usage_record_id (subscription_id, record_id, event_id)
select subscription_id, record_id, event_id
from billed_batch_usage
on conflict (subscription_id, record_id) do update set event_id = excluded.event_id;

create or replace view batch_usage_event as
select subscription_id, record_id, event_id::text as event_id
from usage_record_id
where event_id is not null;
do
$$
begin
    if to_regclass('reporting.unbilled_usage') is not null then
        create or replace view reporting.unbilled_usage as
        select subscription_id, record_id, account_id, product_code, used_at, amount, currency, recorded_on
        from unbilled_usage
        union all
        select subscription_id, record_id, account_id::varchar(255), product_code::varchar(64), used_at::timestamp,
               amount::numeric(19, 4), currency, recorded_on
        from usage_record_id
        where amount is not null;
    end if;
end
$$;
drop table unbilled_batch_usage;
drop table billed_batch_usage;
drop function if exists release_usage_record_ids(varchar[], varchar[]);

create index usage_record_id_unbilled on usage_record_id (subscription_id) where amount is not null;

comment on view batch_usage_event is
    'Per usage record of a UsageBatchRecorded, unbilled or billed: the batch event holding it (domain_event_entry.event_identifier)';

comment on table usage_record_id is
    'Per subscription: every usage record id recorded, so a repeat is recognised; a batch record''s row also holds its values while unbilled and its batch event';
comment on column usage_record_id.account_id is 'A batch record''s subscription''s account, while unbilled';
comment on column usage_record_id.product_code is 'A batch record''s usage service (catalog product code), while unbilled';
comment on column usage_record_id.usage_catalog_code is 'The usage catalog that rated a batch record, while unbilled';
comment on column usage_record_id.related_service_code is
    'The termed service a batch record''s usage service needs, while unbilled';
comment on column usage_record_id.used_at is
    'When a batch record was used, subscriber''s local time, as ISO-8601 text (a record may give nanoseconds), while unbilled';
comment on column usage_record_id.amount is
    'A batch record''s rated amount while unbilled; null once billed, and on the per-record path''s rows';
comment on column usage_record_id.currency is 'The currency of the rated amount (ISO 4217), while unbilled';
comment on column usage_record_id.rating_level is 'The rating line''s level (its range, or "base"), while unbilled';
comment on column usage_record_id.rating_units is 'The rating line''s units; null: no rating line (or billed)';
comment on column usage_record_id.unit_amount is 'The rating line''s price a unit, in the record''s currency';
comment on column usage_record_id.line_amount is 'The rating line''s amount, in the record''s currency';
comment on column usage_record_id.recorded_on is 'The business date a batch record was accepted on, while unbilled';
comment on column usage_record_id.behaviour_code is 'The recording action''s behaviour code (RECORD_USAGE)';
comment on column usage_record_id.business_classification_code is 'The recording action''s business classification';
comment on column usage_record_id.action_type is 'The recording action''s type';
comment on column usage_record_id.sub_action_type is 'The recording action''s sub-type';
comment on column usage_record_id.event_id is
    'A batch record''s UsageBatchRecorded (domain_event_entry.event_identifier), kept once billed; null on the per-record path''s rows';

-- Read and billed through functions whose plans cannot become a scan of the whole table, which holds every record id
-- ever recorded (as V3_1000 and V3_1010 did for the look-up and the release): a subscription's unbilled rows through
-- the partial index, a bill's rows by their primary key.
create function unbilled_batch_records(subscription_ids varchar[])
    returns setof usage_record_id
    language sql
    stable
    set enable_seqscan = off
as
$$
select * from usage_record_id where subscription_id = any (subscription_ids) and amount is not null
$$;
comment on function unbilled_batch_records(varchar[]) is
    'The unbilled batch records of the subscriptions given (their rows of usage_record_id with values)';

create function bill_batch_records(subscription_ids varchar[], record_ids varchar[])
    returns bigint
    language sql
    volatile
    set enable_seqscan = off
    set enable_hashjoin = off
    set enable_mergejoin = off
as
$$
with billed as (
    update usage_record_id u
    set account_id = null, product_code = null, usage_catalog_code = null, related_service_code = null,
        used_at = null, amount = null, currency = null, rating_level = null, rating_units = null, unit_amount = null,
        line_amount = null, recorded_on = null, behaviour_code = null, business_classification_code = null,
        action_type = null, sub_action_type = null
    from unnest(subscription_ids, record_ids) as b (subscription_id, record_id)
    where u.subscription_id = b.subscription_id and u.record_id = b.record_id and u.amount is not null
    returning 1)
select count(*) from billed
$$;
comment on function bill_batch_records(varchar[], varchar[]) is
    'A bill includes these batch records (two arrays of the same length): their values leave, their batch event stays; answers how many were unbilled';
