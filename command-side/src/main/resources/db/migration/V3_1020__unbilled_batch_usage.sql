-- The usage records of mediation batches recorded as one UsageBatchRecorded event (issue 17), until a bill includes
-- them: billing reads a subscription's unbilled records here (they are on no subscription's stream) and deletes the
-- rows its SubscriptionBilled lists in the bill's transaction. Written in the batch's transaction, with its event.
create table unbilled_batch_usage (
    subscription_id varchar(255) not null,
    record_id       varchar(255) not null,
    payload         text         not null,
    primary key (subscription_id, record_id)
);
comment on table unbilled_batch_usage is
    'Per subscription: the usage records of UsageBatchRecorded events no bill has included yet (command side, billing''s input)';
comment on column unbilled_batch_usage.payload is
    'The record as a UsageRecorded of the event''s revision, in the event store''s JSON';
