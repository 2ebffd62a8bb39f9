-- An account's wallet (prepaid funds): one row per movement, keyed by the wallet's stream position, so a redelivered
-- event inserts nothing. The balance is the last row's balance_after (the aggregate never lets it below zero).
create table wallet_movement (
    wallet_id       varchar(255)   not null,
    sequence_number bigint         not null,
    account_id      varchar(255)   not null,
    kind            varchar(16)    not null,
    occurred_at     timestamptz    not null,
    amount          numeric(19, 4) not null,
    balance_after   numeric(19, 4) not null,
    currency        char(3)        not null,
    reference       varchar(255),
    subscription_id varchar(255),
    primary key (wallet_id, sequence_number),
    constraint wallet_movement_balance_ck check (balance_after >= 0)
);
create index wallet_movement_account_ix on wallet_movement (account_id, sequence_number desc);
comment on table wallet_movement is
    'Movements of each account''s wallet: TOP_UP, TRANSFER_IN, TRANSFER_OUT, CONSUMPTION (amount signed by effect)';
comment on column wallet_movement.reference is
    'TOP_UP: the client''s reference; TRANSFER_*: the other account; CONSUMPTION: the bill id or usage record id';
