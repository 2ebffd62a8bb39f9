-- A bill run may be scoped to some accounts (BillRunStarted revision 2); null: every account.
alter table bill_run_execution add column account_ids text[];
