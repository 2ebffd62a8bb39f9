-- Usage record ids per subscription, for deduplication: one index probe per batch instead of a set of every id in
-- the subscription aggregate's state (which grew for ever with its history). Inserted in the transaction of the
-- command that records the UsageRecorded events.
create table usage_record_id (
    subscription_id varchar(255) not null,
    record_id       varchar(255) not null,
    primary key (subscription_id, record_id)
);
comment on table usage_record_id is
    'Per subscription: every usage record id recorded (UsageRecorded), so a repeat is recognised; written with its events';

insert into usage_record_id (subscription_id, record_id)
select aggregate_identifier, payload::jsonb ->> 'recordId'
from domain_event_entry
where payload_type = 'org.subledger.kernel.usage.UsageRecorded'
on conflict do nothing;
