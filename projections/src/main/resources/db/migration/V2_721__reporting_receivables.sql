-- The reporting views now read the open items the ledger allocated (the bill a payment names, else the oldest due
-- first) instead of working out a first-in-first-out of their own; aged receivables are aged by due date.
drop view reporting.aged_receivables;
drop view reporting.receivable_items;

create view reporting.receivable_items as
select account_id, posting_id, entry_type, posted_at, open_amount as outstanding, currency,
       current_date - (posted_at at time zone 'UTC')::date as age_days,
       item_id, due_date, greatest(current_date - due_date, 0) as days_overdue
from receivable_open_item
where open_amount > 0;
comment on view reporting.receivable_items is
    'Debits still owed, as payments and credits were allocated to them, with their age and days overdue today.';
comment on column reporting.receivable_items.account_id is 'The account that owes.';
comment on column reporting.receivable_items.posting_id is 'The debit (charge, bill, debit adjustment) still owed.';
comment on column reporting.receivable_items.entry_type is 'CHARGE, BILL or ADJUSTMENT.';
comment on column reporting.receivable_items.posted_at is 'When the debit was recorded.';
comment on column reporting.receivable_items.outstanding is 'What of the debit is still owed.';
comment on column reporting.receivable_items.currency is 'ISO 4217 currency of the amount.';
comment on column reporting.receivable_items.age_days is 'Days from the posting''s date (UTC) to today.';
comment on column reporting.receivable_items.item_id is 'The bill id, or the posting id of a debit without a bill.';
comment on column reporting.receivable_items.due_date is 'By when it is to be paid.';
comment on column reporting.receivable_items.days_overdue is 'Days from the due date to today; 0 when not due yet.';

create view reporting.aged_receivables as
select account_id, currency,
       coalesce(sum(outstanding) filter (where days_overdue <= 30), 0) as days_0_30,
       coalesce(sum(outstanding) filter (where days_overdue between 31 and 60), 0) as days_31_60,
       coalesce(sum(outstanding) filter (where days_overdue between 61 and 90), 0) as days_61_90,
       coalesce(sum(outstanding) filter (where days_overdue > 90), 0) as days_over_90,
       sum(outstanding) as total
from reporting.receivable_items
group by account_id, currency;
comment on view reporting.aged_receivables is
    'Per account owing money: what it owes by days past the due date (0-30 including not yet due, 31-60, 61-90, '
    'over 90); total equals its balance.';
comment on column reporting.aged_receivables.account_id is 'The account that owes.';
comment on column reporting.aged_receivables.currency is 'ISO 4217 currency of the amounts.';
comment on column reporting.aged_receivables.days_0_30 is 'Not due yet, or overdue for at most 30 days.';
comment on column reporting.aged_receivables.days_31_60 is 'Overdue for 31 to 60 days.';
comment on column reporting.aged_receivables.days_61_90 is 'Overdue for 61 to 90 days.';
comment on column reporting.aged_receivables.days_over_90 is 'Overdue for more than 90 days.';
comment on column reporting.aged_receivables.total is 'Everything owed: the account''s balance.';

do $$
begin
    if exists (select 1 from pg_roles where rolname = 'ledger_reporting') then
        execute 'grant select on reporting.receivable_items, reporting.aged_receivables to ledger_reporting';
    end if;
end
$$;
