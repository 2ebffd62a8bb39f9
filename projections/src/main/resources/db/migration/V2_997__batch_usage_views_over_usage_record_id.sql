-- Issue 17: a batch record's unbilled usage and its batch event are in its id's claim (usage_record_id, V3_1060).
--
-- V3_1060 (command side) makes batch_usage_event and reporting.unbilled_usage read usage_record_id. It may run before
-- the projections' migrations (spring.flyway.out-of-order: a node carries only its own modules' migrations); then
-- V2_996, run after it, finds no unbilled_batch_usage, leaves the read model's bookkeeping of batch records in place
-- and makes batch_usage_event its empty stand-in. Run after V3_1060, this does what V2_996 would have done and makes
-- both views read usage_record_id; run before it, it does nothing (V3_1060 makes the views).
do
$$
begin
    if exists (select 1 from information_schema.columns
               where table_schema = current_schema() and table_name = 'usage_record_id'
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
        select subscription_id, record_id, event_id::text as event_id
        from usage_record_id
        where event_id is not null;
        comment on view batch_usage_event is
            'Per usage record of a UsageBatchRecorded, unbilled or billed: the batch event holding it (domain_event_entry.event_identifier)';
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
