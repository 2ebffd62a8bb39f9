-- The discount state (issue 12): each discount of a subscription as its stream says, and each application billing
-- recorded. Neither holds the owning unit nor the account: readers join subscription_summary for them, so a
-- subscription's owner is kept in one place.
create table subscription_discount (
    subscription_id  varchar(255)   not null,
    discount_id      varchar(255)   not null,
    definition_code  varchar(64)    not null,
    discount_type    varchar(16)    not null,
    status           varchar(20)    not null,
    value_kind       varchar(16),
    amount           numeric(19, 4),
    currency         char(3),
    percentage       numeric(9, 4),
    level            integer,
    free_count       integer,
    free_unit        varchar(8),
    limit_times      integer,
    limit_per        varchar(8),
    added_on         date,
    starts_on        date,
    ends_on          date,
    removed_on       date,
    note             text,
    added_by         varchar(255),
    added_unit       varchar(64),
    added_at         timestamptz,
    decided_by       varchar(255),
    decided_at       timestamptz,
    decided_on       date,
    decision_reason  text,
    removed_by       varchar(255),
    removal_reason   text,
    version          bigint         not null,
    primary key (subscription_id, discount_id)
);
create index subscription_discount_pending_idx on subscription_discount (added_at) where status = 'PENDING_APPROVAL';

create table discount_application (
    subscription_id    varchar(255)   not null,
    discount_id        varchar(255)   not null,
    definition_code    varchar(64)    not null,
    bill_id            varchar(255),
    period_start       date           not null,
    period_end         date,
    amount             numeric(19, 4) not null,
    currency           char(3)        not null,
    application_number integer        not null,
    applied_at         timestamptz    not null,
    -- the DiscountApplied event's place in the subscription's stream: one row per event, however many share a
    -- period start (a free period continued on a later bill repeats its application number)
    event_sequence     bigint         not null,
    primary key (subscription_id, event_sequence)
);
create index discount_application_period_idx on discount_application (period_start, definition_code);

comment on table subscription_discount is
    'The discount state: one row per discount on a subscription (ad hoc ones as added, auto-apply ones from their '
    'first application), with its status, value, dates and who added and decided on it.';
comment on column subscription_discount.status is 'PENDING_APPROVAL, APPROVED, REJECTED or REMOVED.';
comment on column subscription_discount.value_kind is
    'AMOUNT (amount, currency), PERCENTAGE (percentage, level) or FREE_PERIOD (free_count free_unit).';
comment on column subscription_discount.ends_on is 'Last day it runs (inclusive); null: indefinitely.';
comment on column subscription_discount.limit_times is
    'At most this many applications per limit_per (null limit_per: in all); null: each billing period.';
comment on column subscription_discount.decided_by is 'Who approved or rejected it (the user name).';
comment on table discount_application is
    'Each billing period a discount was applied to, on which bill, and the amount it took off: the applied '
    'additive discounts report sums these.';
