-- Read models of accounts, built by the projections in org.subledger.projection.account and read by the query side.
-- Plain tables meant to be read directly by reporting tools: amounts are numeric with the currency (ISO 4217) beside
-- them, times are timestamptz. They are derived data: a replay truncates and rebuilds them from the event store.

create table account_summary (
    account_id         varchar(255)  not null,
    customer_type      varchar(16)   not null,
    name               text          not null,
    currency           char(3)       not null,
    credit_limit       numeric(19, 4),
    balance            numeric(19, 4) not null,
    status             varchar(16)   not null,
    closed             boolean       not null default false,
    credit_rating      text,
    classification     text,
    opened_by          text,
    opened_at          timestamptz   not null,
    last_movement_at   timestamptz,
    last_movement_type varchar(16),
    version            bigint        not null,
    primary key (account_id)
);
-- serves "accounts in a status", paged in the query side's order (opened_at, account_id)
create index account_summary_status_idx on account_summary (status, opened_at, account_id);
create index account_summary_opened_at_idx on account_summary (opened_at, account_id);

comment on table account_summary is
    'One row per accounts-receivable account as it stands now: customer, credit limit, balance and settlement status.';
comment on column account_summary.account_id is
    'The account''s identifier (the aggregate identifier in the event store).';
comment on column account_summary.customer_type is 'PERSON or COMPANY.';
comment on column account_summary.name is
    'Customer name as shown on statements: the person''s full name or the company name. Personal data.';
comment on column account_summary.currency is
    'ISO 4217 code of the account''s currency; every amount of the account is in it.';
comment on column account_summary.credit_limit is 'Credit limit in the account''s currency; null when none was set.';
comment on column account_summary.balance is
    'Current balance in the account''s currency. Positive: the customer owes the operator; negative: the '
    'customer is in credit.';
comment on column account_summary.status is 'UNSETTLED while the balance is positive, otherwise SETTLED.';
comment on column account_summary.closed is
    'True once the account was closed; a closed account takes no more postings.';
comment on column account_summary.credit_rating is 'The operator''s credit rating code of the customer (e.g. AAA).';
comment on column account_summary.classification is
    'The operator''s classification of the account (e.g. VIP, RESIDENTIAL, CORPORATE).';
comment on column account_summary.opened_by is 'The agent who opened the account.';
comment on column account_summary.opened_at is 'When the account was opened (time of the AccountOpened event).';
comment on column account_summary.last_movement_at is 'When the balance last moved; null while no posting was made.';
comment on column account_summary.last_movement_type is
    'Kind of the last posting: CHARGE, CREDIT, PAYMENT or ADJUSTMENT.';
comment on column account_summary.version is
    'Sequence number in the event store of the last event of the account reflected in this row.';

create table account_statement_line (
    account_id      varchar(255)   not null,
    sequence_number bigint         not null,
    posting_id      text           not null,
    entry_type      varchar(16)    not null,
    posted_at       timestamptz    not null,
    narrative       text,
    reference       text,
    amount          numeric(19, 4) not null,
    balance_effect  numeric(19, 4) not null,
    running_balance numeric(19, 4) not null,
    currency        char(3)        not null,
    primary key (account_id, sequence_number)
);

comment on table account_statement_line is
    'Every posting that moved an account''s balance, in the order it was recorded: the account statement.';
comment on column account_statement_line.account_id is 'The account the posting belongs to.';
comment on column account_statement_line.sequence_number is
    'Sequence number of the posting''s event within the account''s events; orders the statement.';
comment on column account_statement_line.posting_id is
    'Identifier of the posting, unique within the account (supplied by the client, so a retry is not posted '
    'twice).';
comment on column account_statement_line.entry_type is
    'CHARGE and debit ADJUSTMENTs add to what the customer owes; CREDIT, PAYMENT and credit ADJUSTMENTs take '
    'from it.';
comment on column account_statement_line.posted_at is 'When the posting was recorded.';
comment on column account_statement_line.narrative is
    'Statement text: the description, or the reason of an adjustment.';
comment on column account_statement_line.reference is
    'The client''s reference of the posting (invoice number, payment reference); null for adjustments.';
comment on column account_statement_line.amount is 'Amount of the posting, always positive, in the line''s currency.';
comment on column account_statement_line.balance_effect is
    'What the posting did to the balance, signed: positive increases what the customer owes.';
comment on column account_statement_line.running_balance is 'The account''s balance right after this posting.';
comment on column account_statement_line.currency is
    'ISO 4217 code of the amounts on this line (the account''s currency).';
