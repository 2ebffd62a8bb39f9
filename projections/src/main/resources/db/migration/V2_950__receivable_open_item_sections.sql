-- A bill per account bills several subscriptions; what a subscription's own bills leave unpaid (a deactivation run
-- read per subscription, issue 14) is then what the bill's open amount leaves of the subscription's section. Built by
-- org.subledger.projection.account.ReceivablesProjection with the open items: a row per section of every bill that
-- opened an item, whose open amount follows the bill's by the one rule of org.subledger.kernel.account.SectionsOpen
-- (sections settled in section order, each whole before the next; a negative section owes nothing and its credit
-- settles the sections first). Derived data: a replay truncates and rebuilds it.

create table receivable_open_item_section (
    account_id      varchar(255)   not null,
    item_id         varchar(255)   not null,
    section_no      integer        not null,
    subscription_id varchar(255)   not null,
    due_date        date           not null,
    subtotal        numeric(19, 4) not null,
    open_amount     numeric(19, 4) not null,
    currency        char(3)        not null,
    primary key (account_id, item_id, section_no)
);
-- serves "subscriptions owing more than X on their own bills due before D": open sections only
create index receivable_open_item_section_due_idx on receivable_open_item_section (subscription_id, due_date)
    where open_amount > 0;

comment on table receivable_open_item_section is
    'One row per section of a bill that is an open item: what of the subscription''s section is still owed.';
comment on column receivable_open_item_section.account_id is 'The account that owes (receivable_open_item).';
comment on column receivable_open_item_section.item_id is 'The bill (receivable_open_item.item_id).';
comment on column receivable_open_item_section.section_no is 'Position of the section on the bill, from 1.';
comment on column receivable_open_item_section.subscription_id is 'The subscription the section bills.';
comment on column receivable_open_item_section.due_date is 'The bill''s due date.';
comment on column receivable_open_item_section.subtotal is 'The section''s subtotal (negative: it credits).';
comment on column receivable_open_item_section.open_amount is
    'What of the section is still owed; 0 once settled, and always 0 for a section of no positive subtotal.';
comment on column receivable_open_item_section.currency is 'ISO 4217 currency of the amounts.';

-- the open items already there: their sections from the bill read model, the bill's open amount spread by the rule
-- above (the same arithmetic in SQL, once, for the rows the projection wrote before this table existed)
insert into receivable_open_item_section (account_id, item_id, section_no, subscription_id, due_date, subtotal,
                                          open_amount, currency)
select account_id, item_id, section_no, subscription_id, due_date, subtotal,
       case when subtotal <= 0 then 0
            else subtotal - least(subtotal, greatest(settled - settled_before, 0)) end,
       currency
from (select o.account_id, o.item_id, s.section_no, s.subscription_id, o.due_date, s.total as subtotal, o.currency,
             sum(greatest(s.total, 0)) over (partition by o.account_id, o.item_id)
                 - least(greatest(o.open_amount, 0), o.amount) as settled,
             coalesce(sum(greatest(s.total, 0)) over (partition by o.account_id, o.item_id order by s.section_no
                 rows between unbounded preceding and 1 preceding), 0) as settled_before
      from receivable_open_item o
      join bill_section s on s.bill_id = o.item_id
      where o.entry_type = 'BILL') sections;
