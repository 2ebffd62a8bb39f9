-- The unit that owns each account and subscription (null: created before units existed, open to all staff).
-- Lists filter on it with "owning_unit = any(:units) or owning_unit is null", in the list's own order.
alter table account_summary add column owning_unit varchar(64);
create index account_summary_owning_unit_idx on account_summary (owning_unit, opened_at, account_id);
create index account_summary_status_owning_unit_idx on account_summary (status, owning_unit, opened_at, account_id);
-- the rows of no unit in list order: a btree does not hand "owning_unit is null" out in (opened_at) order
create index account_summary_no_unit_idx on account_summary (opened_at, account_id) where owning_unit is null;
create index account_summary_status_no_unit_idx on account_summary (status, opened_at, account_id)
    where owning_unit is null;

alter table subscription_summary add column owning_unit varchar(64);
create index subscription_summary_owning_unit_idx on subscription_summary (owning_unit);

comment on column account_summary.owning_unit is
    'Code of the organisational unit that owns the account (its members may see and change it); null: open to all staff';
comment on column subscription_summary.owning_unit is
    'Code of the organisational unit that owns the subscription; null: open to all staff';
