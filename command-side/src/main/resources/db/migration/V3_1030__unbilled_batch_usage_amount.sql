-- Issue 17: subscriptions whose scheme bills usage early (at an amount or a number of records, or prepaid) take the
-- batch path too. Deciding on an early usage bill needs each subscription's unbilled batch records counted and summed
-- once per batch, without reading their JSON: the record's rated amount and currency as columns of their own.
alter table unbilled_batch_usage add column amount numeric;
alter table unbilled_batch_usage add column currency char(3);
update unbilled_batch_usage
set amount   = (payload::jsonb #>> '{amount,amount}')::numeric,
    currency = payload::jsonb #>> '{amount,currency}';
alter table unbilled_batch_usage alter column amount set not null;
alter table unbilled_batch_usage alter column currency set not null;
comment on column unbilled_batch_usage.amount is 'The record''s rated amount (as in the payload)';
comment on column unbilled_batch_usage.currency is 'The currency of the rated amount (ISO 4217)';
