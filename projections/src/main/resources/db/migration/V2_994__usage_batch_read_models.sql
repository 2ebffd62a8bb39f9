-- Usage records a bill listed before the read model saw them recorded: a UsageBatchRecorded is on no subscription's
-- stream, so its records and the bill that lists them may be handled in different segments, the bill first. The
-- record, when it comes, removes its mark here instead of entering unbilled_usage (UnbilledUsageProjection).
create table unbilled_usage_billed_first (
    subscription_id varchar(255) not null,
    record_id       varchar(255) not null,
    primary key (subscription_id, record_id)
);
comment on table unbilled_usage_billed_first is
    'Usage records billed before unbilled_usage saw them recorded (a batch event handled after its bill); they never enter it';
comment on column unbilled_usage_billed_first.subscription_id is 'The subscription the bill was for.';
comment on column unbilled_usage_billed_first.record_id is 'The usage record''s id the bill listed.';

-- Where each billed usage record of a UsageBatchRecorded was recorded: the batch event, which no subscription's
-- stream holds. Written when the record is billed, kept for good: a bill's explanation finds its batch records'
-- event through it.
create table usage_record_event (
    subscription_id varchar(255) not null,
    record_id       varchar(255) not null,
    event_id        varchar(255) not null,
    primary key (subscription_id, record_id)
);
comment on table usage_record_event is
    'Per billed batch-recorded usage record: the identifier of the UsageBatchRecorded event holding it (domain_event_entry.event_identifier)';
comment on column usage_record_event.subscription_id is 'The subscription the usage was recorded on.';
comment on column usage_record_event.record_id is 'The usage record''s id as the client sent it (unique per subscription).';
comment on column usage_record_event.event_id is 'The event_identifier of the UsageBatchRecorded holding the record.';

-- A batch record's UsageBatchRecorded, while it is unbilled (it goes to usage_record_event when billed); null for a
-- record of a UsageRecorded on its subscription's stream.
alter table unbilled_usage add column event_id varchar(255);
comment on column unbilled_usage.event_id is
    'The event_identifier of the UsageBatchRecorded holding the record; null for a UsageRecorded on the subscription''s stream.';

-- The UsageBatchRecorded events whose records were copied into unbilled_usage: each is copied once (COPY cannot skip
-- the rows it finds there already).
create table unbilled_usage_batch (
    event_id varchar(255) primary key
);
comment on table unbilled_usage_batch is
    'The UsageBatchRecorded events whose records unbilled_usage has taken (each once)';
comment on column unbilled_usage_batch.event_id is 'The event_identifier of the UsageBatchRecorded.';
