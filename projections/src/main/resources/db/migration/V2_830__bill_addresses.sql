-- Where a bill is sent: the subscription's billing address when it has one, else the account's contact address.
create table bill_address (
    owner_id  varchar(200)  primary key,
    address   varchar(1000) not null
);
comment on table bill_address is
    'Postal addresses printed on bills, keyed account:<id> (the contact address) or subscription:<id> (its billing address).';
