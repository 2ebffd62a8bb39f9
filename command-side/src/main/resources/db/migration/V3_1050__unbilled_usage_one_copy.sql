-- Issue 17: a batch record's unbilled usage is kept once, in unbilled_batch_usage, written with its batch event.
--
-- Until now every record of a UsageBatchRecorded was stored twice while unbilled: billing's row (unbilled_batch_usage,
-- in the batch's transaction) and the billing read models' row (unbilled_usage, copied in later from the batch event,
-- which the read models deserialised for it), with marks for the bills handled before their records
-- (unbilled_usage_billed_first), a list of the batch events copied (unbilled_usage_batch) and, once billed, the batch
-- event of each record (usage_record_event). Both rows said the same thing and left with the same bill. Readers now
-- take the batch records' unbilled usage from billing's rows (the query API and reporting.unbilled_usage show
-- unbilled_usage's streamed records with them): a batch record is unbilled usage as soon as its batch commits.
--
-- Each row keeps its batch event's identifier (event_id, new), and the bill that deletes it keeps where the record was
-- recorded in billed_batch_usage (new, for good): a bill's explanation and a subscription's audit find the batch
-- event through these.
--
-- Readers on a query node, which carries no command-side migration, read two views that V2_996 creates too
-- (reporting.unbilled_usage with billing's rows, and batch_usage_event: each batch record's batch event, unbilled or
-- billed; an empty stand-in where billing's tables are not there yet). The read model's tables belong to the
-- projections' migrations, which a node without the projections does not carry and which may run before or after
-- this one (spring.flyway.out-of-order). So everything here that touches them is guarded, and V2_996 does the same
-- clean-up and makes the same views when it runs after this one: whichever comes second finds both.

alter table unbilled_batch_usage add column event_id uuid;
comment on column unbilled_batch_usage.event_id is
    'The event_identifier of the UsageBatchRecorded holding the record (domain_event_entry.event_identifier)';

create table billed_batch_usage (
    subscription_id varchar(255) not null,
    record_id       varchar(255) not null,
    event_id        uuid         not null,
    primary key (subscription_id, record_id)
);
comment on table billed_batch_usage is
    'Per billed usage record of a UsageBatchRecorded: the batch event holding it; written by its bill, with billing''s row deleted from unbilled_batch_usage';
comment on column billed_batch_usage.subscription_id is 'The subscription the usage was recorded on';
comment on column billed_batch_usage.record_id is 'The usage record''s id as the client sent it (unique per subscription)';
comment on column billed_batch_usage.event_id is
    'The event_identifier of the UsageBatchRecorded holding the record (domain_event_entry.event_identifier)';

-- Rows stored before: the batch event of each unbilled and billed batch record, from the read model where it had it;
-- where it was behind (or absent), from the batch events in the event store, read only then.
do
$$
declare
    read_model boolean := exists (select 1 from information_schema.columns
                                  where table_schema = current_schema() and table_name = 'unbilled_usage'
                                    and column_name = 'event_id');
    behind     boolean := false;
begin
    if read_model then
        execute 'update unbilled_batch_usage b set event_id = u.event_id::uuid from unbilled_usage u
                 where u.subscription_id = b.subscription_id and u.record_id = b.record_id
                   and u.event_id is not null';
        execute 'insert into billed_batch_usage (subscription_id, record_id, event_id)
                 select subscription_id, record_id, event_id::uuid from usage_record_event';
        execute 'select exists (select 1 from unbilled_usage_billed_first)
                     or exists (select 1 from domain_event_entry e
                                where e.payload_type = ''org.subledger.kernel.usage.UsageBatchRecorded''
                                  and not exists (select 1 from unbilled_usage_batch c
                                                  where c.event_id = e.event_identifier))'
            into behind;
    else
        behind := exists (select 1 from domain_event_entry
                          where payload_type = 'org.subledger.kernel.usage.UsageBatchRecorded');
    end if;
    if behind or exists (select 1 from unbilled_batch_usage where event_id is null) then
        create temporary table batch_record on commit drop as
        select r ->> 'subscriptionId' as subscription_id, r ->> 'recordId' as record_id,
               e.event_identifier::uuid as event_id
        from domain_event_entry e
        cross join lateral jsonb_array_elements(e.payload::jsonb -> 'records') r
        where e.payload_type = 'org.subledger.kernel.usage.UsageBatchRecorded';

        update unbilled_batch_usage b
        set event_id = r.event_id
        from batch_record r
        where b.event_id is null and r.subscription_id = b.subscription_id and r.record_id = b.record_id;

        -- a batch record not unbilled was billed
        insert into billed_batch_usage (subscription_id, record_id, event_id)
        select r.subscription_id, r.record_id, r.event_id
        from batch_record r
        where not exists (select 1 from unbilled_batch_usage b
                          where b.subscription_id = r.subscription_id and b.record_id = r.record_id)
        on conflict do nothing;
    end if;
end
$$;

alter table unbilled_batch_usage alter column event_id set not null;

-- The read model's copies of batch records, and what it kept to copy them once (V2_996 does the same).
do
$$
begin
    if exists (select 1 from information_schema.columns
               where table_schema = current_schema() and table_name = 'unbilled_usage' and column_name = 'event_id')
    then
        delete from unbilled_usage where event_id is not null;
        alter table unbilled_usage drop column event_id;
    end if;
    drop table if exists unbilled_usage_billed_first;
    drop table if exists unbilled_usage_batch;
    drop table if exists usage_record_event;
    create or replace view batch_usage_event as
    select subscription_id, record_id, event_id::text as event_id from unbilled_batch_usage
    union all
    select subscription_id, record_id, event_id::text from billed_batch_usage;
    comment on view batch_usage_event is
        'Per usage record of a UsageBatchRecorded, unbilled or billed: the batch event holding it (domain_event_entry.event_identifier)';
    if to_regclass('reporting.unbilled_usage') is not null then
        create or replace view reporting.unbilled_usage as
        select subscription_id, record_id, account_id, product_code, used_at, amount, currency, recorded_on
        from unbilled_usage
        union all
        select subscription_id, record_id, account_id::varchar(255), product_code::varchar(64), used_at::timestamp,
               amount::numeric(19, 4), currency, recorded_on
        from unbilled_batch_usage;
    end if;
end
$$;
