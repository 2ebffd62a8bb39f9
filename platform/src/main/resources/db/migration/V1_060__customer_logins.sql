-- Customer logins: the bcrypt hash of the password a customer set with its activation token, per account. The
-- customer logs in with the account number (account_id) or, when the account has one, the person's identity number
-- or the company's registration number (alias; several accounts of one customer may share it). Written by the
-- command side in the transaction that records CustomerLoginActivated; read by the platform to authenticate.
create table customer_login (
    account_id    varchar(255) primary key,
    alias         varchar(64),
    password_hash varchar(255) not null,
    changed_at    timestamptz  not null
);
create index customer_login_alias_ix on customer_login (alias) where alias is not null;
comment on table customer_login is 'Customer logins: password hashes only (bcrypt), never a password';
