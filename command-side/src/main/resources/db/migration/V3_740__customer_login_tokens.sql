-- The one outstanding activation token of each account's customer login, as its SHA-256 only: the token is shown
-- once to the agent who issued it. A new token replaces the row; activation deletes it, in the transaction that
-- records the account's CustomerLoginInvited / CustomerLoginActivated event.
create table customer_login_token (
    account_id varchar(255) primary key,
    token_hash char(64)    not null,
    expires_at timestamptz not null,
    constraint customer_login_token_hash_uk unique (token_hash)
);
