-- Issue 17: asks for usage bills wait here until a worker bills them, many in one transaction.
--
-- A usage bill was issued on the processor's thread, one ask at a time, each in a transaction of its own: with a tenth
-- of the subscriptions prepaid (a usage bill for nearly every batch they have records in) the bills fell minutes
-- behind, each a dozen statements and a commit holding the year's bill-number row. The processor now only records the
-- ask, in its own transaction (so an ask is never lost nor recorded twice); the usage-bill worker takes the oldest
-- asks, bills their subscriptions together (BillWriter: one read, one numbering, one append) and deletes them in the
-- same transaction. An ask whose bill fails on a defect is tried again later (attempts, not_before), alone, and after
-- the last attempt dead-lettered in the usage-billing group, where operators see and retry it.
create table usage_bill_ask
(
    ask_id          bigserial primary key,
    event_id        varchar(255) not null,
    subscription_id varchar(255) not null,
    account_id      varchar(255) not null,
    meta_data       text         not null,
    asked_at        timestamptz  not null,
    attempts        integer      not null default 0,
    not_before      timestamptz  not null default now(),
    last_error      text,
    constraint usage_bill_ask_event unique (event_id)
);

create index usage_bill_ask_due on usage_bill_ask (not_before, ask_id);

comment on table usage_bill_ask is
    'Asks for usage bills (UsageBillingDue) not billed yet: the usage-bill worker bills them, many in one transaction, and deletes them with their bills';
comment on column usage_bill_ask.event_id is 'The UsageBillingDue event (domain_event_entry.event_identifier)';
comment on column usage_bill_ask.subscription_id is 'The subscription whose unbilled usage is due';
comment on column usage_bill_ask.account_id is 'The subscription''s account';
comment on column usage_bill_ask.meta_data is
    'The audit metadata (JSON) the bill''s events carry: principal, unit, idempotency key, correlation id, and the ask as their cause';
comment on column usage_bill_ask.asked_at is 'When the ask was recorded (its event''s timestamp)';
comment on column usage_bill_ask.attempts is 'Attempts that failed on a defect (a business refusal is recorded and the ask done)';
comment on column usage_bill_ask.not_before is 'The ask is not tried before this instant (database time): a back-off after a failed attempt';
comment on column usage_bill_ask.last_error is 'The defect the last failed attempt met';
