-- A deactivation run can read what a subscription's own bills leave unpaid (issue 14, "amount basis per
-- subscription"), so a paid-up subscription is not cut off for another subscription's debt. The receivables
-- projection fills the column from BillIssued; the rows already there take it from the bill read model.

alter table receivable_open_item add column subscription_id varchar(255);

update receivable_open_item o
set subscription_id = b.subscription_id
from bill b
where o.entry_type = 'BILL' and b.bill_id = o.item_id;

-- serves "subscriptions owing more than X on their own bills due before D": open rows of a subscription's bills only
create index receivable_open_item_subscription_idx on receivable_open_item (subscription_id, due_date)
    where open_amount > 0 and subscription_id is not null;

comment on column receivable_open_item.subscription_id is
    'The subscription a bill was issued for; null for a charge or adjustment, and for a bill of no one subscription.';
