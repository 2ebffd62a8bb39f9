-- Issue 17: the records of usage batches (UsageBatchRecorded) leave the billing read models. Billing's rows of them
-- (unbilled_batch_usage, written with their batch event) are their unbilled usage for every reader, and billing keeps
-- each billed one's batch event (billed_batch_usage); see V3_1050, which moves what this read model knew of them there.
--
-- Readers on a query node read billing's tables through two views: reporting.unbilled_usage (the read model's records
-- with billing's rows) and batch_usage_event (each batch record's batch event, unbilled or billed). V3_1050 belongs to
-- the command side and may run before or after this one (spring.flyway.out-of-order: a node carries only its own
-- modules' migrations). Run after it (it added unbilled_batch_usage.event_id), this does what it does: the read
-- model's copies of batch records and its bookkeeping of them go, and the views read billing's tables. Run before it,
-- this leaves the read model to it (its move needs what the read model holds) and makes batch_usage_event an empty
-- stand-in, which it replaces.
do
$$
begin
    if exists (select 1 from information_schema.columns
               where table_schema = current_schema() and table_name = 'unbilled_batch_usage'
                 and column_name = 'event_id')
    then
        if exists (select 1 from information_schema.columns
                   where table_schema = current_schema() and table_name = 'unbilled_usage'
                     and column_name = 'event_id')
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
        create or replace view reporting.unbilled_usage as
        select subscription_id, record_id, account_id, product_code, used_at, amount, currency, recorded_on
        from unbilled_usage
        union all
        select subscription_id, record_id, account_id::varchar(255), product_code::varchar(64), used_at::timestamp,
               amount::numeric(19, 4), currency, recorded_on
        from unbilled_batch_usage;
    else
        create or replace view batch_usage_event as
        select null::varchar(255) as subscription_id, null::varchar(255) as record_id, null::text as event_id
        where false;
    end if;
    comment on view batch_usage_event is
        'Per usage record of a UsageBatchRecorded, unbilled or billed: the batch event holding it (domain_event_entry.event_identifier)';
end
$$;
