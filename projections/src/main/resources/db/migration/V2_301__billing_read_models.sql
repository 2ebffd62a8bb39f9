-- Read models of billing, built by the projections in org.subledger.projection.billing (processing group
-- billing-projections) and read by the query side. Plain tables meant to be read directly by reporting tools:
-- amounts are numeric with the currency (ISO 4217) beside them, business dates are date, times timestamptz. They are
-- derived data: a replay truncates and rebuilds them from the event store.

create table bill (
    bill_id         varchar(255)   not null,
    bill_number     varchar(64)    not null,
    account_id      varchar(255)   not null,
    subscription_id varchar(255)   not null,
    run_id          varchar(255),
    kind            varchar(16)    not null,
    issued_on       date           not null,
    period_from     date           not null,
    period_to       date           not null,
    total           numeric(19, 4) not null,
    tax_total       numeric(19, 4) not null,
    currency        char(3)        not null,
    due_date        date           not null,
    line_count      integer        not null,
    issued_at       timestamptz    not null,
    version         bigint         not null,
    primary key (bill_id),
    constraint bill_number_unique unique (bill_number)
);
-- serves "an account's bills, newest first", paged
create index bill_account_idx on bill (account_id, issued_on desc, bill_number desc);
create index bill_subscription_idx on bill (subscription_id, issued_on desc);
create index bill_run_idx on bill (run_id) where run_id is not null;

comment on table bill is 'One row per bill issued: who was billed, for which period, the total and when it is due.';
comment on column bill.bill_id is 'The bill''s identifier (the aggregate identifier of its events in the event store).';
comment on column bill.bill_number is
    'The bill''s number as printed, gapless and in order within the year it was issued in (e.g. 2026-000042).';
comment on column bill.account_id is 'The account billed (the bill is posted to it).';
comment on column bill.subscription_id is 'The subscription billed.';
comment on column bill.run_id is 'The bill run that issued the bill; null for a usage bill issued outside a run.';
comment on column bill.kind is 'RUN: issued by a bill run; USAGE: usage billed early (threshold reached, prepaid).';
comment on column bill.issued_on is 'Business date the bill was issued on.';
comment on column bill.period_from is 'First day of the period the bill covers (inclusive).';
comment on column bill.period_to is 'End of the period the bill covers (exclusive).';
comment on column bill.total is
    'What the bill charges in total, VAT included; negative when its credits exceed its charges.';
comment on column bill.tax_total is 'The VAT part of the total.';
comment on column bill.currency is 'ISO 4217 code of the bill''s amounts (the account''s currency).';
comment on column bill.due_date is 'Date by which the bill is to be paid.';
comment on column bill.line_count is 'Number of lines on the bill (rows in bill_line).';
comment on column bill.issued_at is 'When the bill was recorded (time of the BillIssued event).';
comment on column bill.version is 'Sequence number in the event store of the bill''s last event reflected here.';

create table bill_line (
    bill_id          varchar(255)   not null,
    line_no          integer        not null,
    kind             varchar(16)    not null,
    product_code     varchar(64),
    description      text,
    period_from      date,
    period_to        date,
    quantity         bigint         not null,
    amount           numeric(19, 4) not null,
    tax_amount       numeric(19, 4) not null,
    tax_rate_percent numeric(9, 4),
    currency         char(3)        not null,
    reference        varchar(255),
    explanation      jsonb,
    primary key (bill_id, line_no)
);
create index bill_line_reference_idx on bill_line (reference) where reference is not null;

comment on table bill_line is 'Every line of every bill, with the explanation of how its amount was reached.';
comment on column bill_line.bill_id is 'The bill the line belongs to (bill.bill_id).';
comment on column bill_line.line_no is 'Position of the line on the bill, from 1.';
comment on column bill_line.kind is
    'RECURRING: a termed service for (part of) a billing period; CREDIT: unused days of a service billed in '
    'advance and removed since (negative); USAGE: a usage detail record; ONE_OFF: a one-off charge.';
comment on column bill_line.product_code is 'The product charged (catalog product code).';
comment on column bill_line.description is 'Text of the line as printed on the bill.';
comment on column bill_line.period_from is
    'First day charged (inclusive); for usage and one-off charges the date of the usage or charge.';
comment on column bill_line.period_to is
    'End of the days charged (exclusive); for usage and one-off charges the same date as period_from.';
comment on column bill_line.quantity is 'Quantity rated (units of the service, usage units).';
comment on column bill_line.amount is 'Amount of the line, VAT included; negative for credits.';
comment on column bill_line.tax_amount is 'The VAT part of the amount.';
comment on column bill_line.tax_rate_percent is 'The product''s VAT rate in percent (e.g. 19.0000).';
comment on column bill_line.currency is 'ISO 4217 code of the line''s amounts (the bill''s currency).';
comment on column bill_line.reference is
    'The usage record id or one-off charge id the line bills; null for termed services.';
comment on column bill_line.explanation is
    'How the amount was reached, as JSON: pricePlanCode, rateModel, tierBasis, units, tiers (level, units, '
    'unitAmount, amount), periodAmount, daysCharged, daysInPeriod, maturityPeriod, concurrentUsage, directive, '
    'discounts. Amounts as {"amount": 19.99, "currency": "EUR"}.';

create table bill_run (
    run_id                 varchar(255) not null,
    billing_date           date,
    billing_frequency      varchar(16),
    subscription_type_code varchar(64),
    status                 varchar(16)  not null,
    subscriptions_total    bigint,
    billed                 bigint       not null default 0,
    failed                 bigint       not null default 0,
    skipped                bigint,
    started_at             timestamptz,
    completed_at           timestamptz,
    version                bigint       not null,
    primary key (run_id)
);
create index bill_run_started_at_idx on bill_run (started_at desc);

comment on table bill_run is 'One row per bill run: what it bills, how far it got, and its outcome once completed.';
comment on column bill_run.run_id is 'The bill run''s identifier (the aggregate identifier of its events).';
comment on column bill_run.billing_date is
    'Subscriptions due on or before this date are billed. Null only while the run''s start is not projected yet '
    '(a bill of the run can be projected first).';
comment on column bill_run.billing_frequency is 'Only subscriptions billed at this frequency; null: all.';
comment on column bill_run.subscription_type_code is 'Only subscriptions of this subscription type; null: all.';
comment on column bill_run.status is 'STARTED while the run is going on, COMPLETED once it finished.';
comment on column bill_run.subscriptions_total is 'Subscriptions the run looks at; null until they were selected.';
comment on column bill_run.billed is
    'Subscriptions billed: bills of the run projected so far while STARTED, the run''s own count once COMPLETED.';
comment on column bill_run.failed is
    'Subscriptions that could not be billed: failures projected so far while STARTED, the run''s own count once '
    'COMPLETED (see bill_run_failure).';
comment on column bill_run.skipped is
    'Subscriptions with nothing due (already billed, or billed in arrears later); null until the run completed.';
comment on column bill_run.started_at is 'When the run was started (time of the BillRunStarted event).';
comment on column bill_run.completed_at is 'When the run completed; null while it is going on.';
comment on column bill_run.version is
    'Sequence number of the run''s last event reflected in this row; -1 while only its bills or failures are.';

create table bill_run_failure (
    subscription_id varchar(255) not null,
    event_sequence  bigint       not null,
    run_id          varchar(255) not null,
    account_id      varchar(255) not null,
    billing_date    date,
    error_code      varchar(64)  not null,
    reason          text,
    failed_at       timestamptz  not null,
    primary key (subscription_id, event_sequence)
);
create index bill_run_failure_run_idx on bill_run_failure (run_id);

comment on table bill_run_failure is
    'Every subscription a bill run could not bill, and why. The next run tries again.';
comment on column bill_run_failure.subscription_id is 'The subscription that could not be billed.';
comment on column bill_run_failure.event_sequence is
    'Sequence number of the SubscriptionBillingFailed event within the subscription''s events.';
comment on column bill_run_failure.run_id is 'The bill run that failed to bill it (bill_run.run_id).';
comment on column bill_run_failure.account_id is 'The subscription''s account.';
comment on column bill_run_failure.billing_date is 'The billing date of the run.';
comment on column bill_run_failure.error_code is 'Stable code of the failure (e.g. NO_RATE).';
comment on column bill_run_failure.reason is 'Why it could not be billed, in words.';
comment on column bill_run_failure.failed_at is 'When the failure was recorded.';

create table unbilled_usage (
    subscription_id varchar(255)   not null,
    record_id       varchar(255)   not null,
    account_id      varchar(255)   not null,
    product_code    varchar(64)    not null,
    used_at         timestamp      not null,
    amount          numeric(19, 4) not null,
    currency        char(3)        not null,
    recorded_on     date           not null,
    primary key (subscription_id, record_id)
);
create index unbilled_usage_account_idx on unbilled_usage (account_id);

comment on table unbilled_usage is
    'Usage detail records accepted and rated but not billed yet; a record leaves when a bill includes it.';
comment on column unbilled_usage.subscription_id is 'The subscription the usage was recorded on.';
comment on column unbilled_usage.record_id is 'The usage record''s id as the client sent it (unique per subscription).';
comment on column unbilled_usage.account_id is 'The subscription''s account.';
comment on column unbilled_usage.product_code is 'The usage service used (catalog product code).';
comment on column unbilled_usage.used_at is 'When it was used, in the subscriber''s local time (no time zone).';
comment on column unbilled_usage.amount is 'The rated amount, VAT included.';
comment on column unbilled_usage.currency is 'ISO 4217 code of the amount.';
comment on column unbilled_usage.recorded_on is 'Business date the record was accepted on.';
