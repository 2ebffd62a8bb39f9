-- Open items of accounts receivable, built by org.subledger.projection.account.ReceivablesProjection from the
-- account streams: one row per debit (a bill, or a charge or debit adjustment posted without a bill) with what of it
-- is still owed, as the ReceivableAllocated events recorded with each payment, credit and bill settle it. Derived
-- data: a replay truncates and rebuilds it.

create table receivable_open_item (
    account_id      varchar(255)   not null,
    item_id         varchar(255)   not null,
    posting_id      varchar(255)   not null,
    entry_type      varchar(16)    not null,
    posted_at       timestamptz    not null,
    due_date        date           not null,
    amount          numeric(19, 4) not null,
    open_amount     numeric(19, 4) not null,
    currency        char(3)        not null,
    primary key (account_id, item_id)
);
-- serves "accounts owing more than X on items due before D" and the aged receivables: open rows only
create index receivable_open_item_due_idx on receivable_open_item (due_date, account_id) where open_amount > 0;

comment on table receivable_open_item is
    'One row per debit of an account (bill, charge, debit adjustment) with what of it is still owed and by when.';
comment on column receivable_open_item.account_id is 'The account that owes.';
comment on column receivable_open_item.item_id is
    'The bill id of a bill; the posting id of a charge or debit adjustment posted without a bill.';
comment on column receivable_open_item.posting_id is 'The posting that opened the item (bill:<billId> for a bill).';
comment on column receivable_open_item.entry_type is 'BILL, CHARGE or ADJUSTMENT.';
comment on column receivable_open_item.posted_at is 'When the debit was recorded.';
comment on column receivable_open_item.due_date is
    'By when it is to be paid: the bill''s due date; a charge or adjustment is due the day (UTC) it was posted.';
comment on column receivable_open_item.amount is 'The debit''s amount.';
comment on column receivable_open_item.open_amount is 'What of it is still owed; 0 once settled.';
comment on column receivable_open_item.currency is 'ISO 4217 currency of the amounts.';
