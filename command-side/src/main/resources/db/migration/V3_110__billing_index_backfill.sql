-- Subscriptions recorded before the billing engine existed join the billing index: due from the date they became
-- effective (created effective, or activated from draft), straight from their events. Subscriptions created later
-- are indexed in the transaction of their own commands.
insert into billing_index (subscription_id, account_id, subscription_type_code, billing_frequency, next_billing_date,
                           updated_at)
select created.aggregate_identifier,
       created.payload::jsonb ->> 'accountId',
       created.payload::jsonb ->> 'subscriptionTypeCode',
       created.payload::jsonb -> 'billingTerms' ->> 'billingFrequency',
       case when created.payload::jsonb ->> 'state' = 'EFFECTIVE' then (created.payload::jsonb ->> 'createdOn')::date
            else (select min((activated.payload::jsonb ->> 'activatedOn')::date)
                  from domain_event_entry activated
                  where activated.aggregate_identifier = created.aggregate_identifier
                    and activated.payload_type like '%.SubscriptionActivated')
       end,
       now()
from domain_event_entry created
where created.payload_type like '%.SubscriptionCreated'
on conflict (subscription_id) do nothing;
