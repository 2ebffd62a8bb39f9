-- The reporting schema: stable, documented views over the read models for reporting tools and finance
-- (docs/reporting.md). The read models may change shape with the ledger; these views keep their names and columns,
-- and a change to them is a new column or a new view, never a silent change of meaning. The role ledger_reporting
-- (created by the embedded cluster's superuser, or by the DBA of an external database) may read these views and
-- nothing else: the views run with their owner's rights, so it needs no right on any table.
-- Creating a schema needs CREATE on the database, which the ledger's role may lack: the embedded cluster's superuser
-- creates it for the ledger at start, as the DBA of an external database may (docs/reporting.md).
do $$
begin
    if not exists (select 1 from pg_namespace where nspname = 'reporting') then
        execute 'create schema reporting';
    end if;
end
$$;
comment on schema reporting is 'Stable views over the ledger''s read models, for reporting tools (docs/reporting.md).';

create view reporting.accounts as
select account_id, customer_type, name, currency, credit_limit, balance, status, closed, credit_rating,
       classification, owning_unit, opened_at, last_movement_at
from account_summary;
comment on view reporting.accounts is 'One row per accounts-receivable account as it stands now.';
comment on column reporting.accounts.account_id is 'The account''s identifier.';
comment on column reporting.accounts.customer_type is 'PERSON or COMPANY.';
comment on column reporting.accounts.name is 'Customer name as on statements. Personal data.';
comment on column reporting.accounts.currency is 'ISO 4217 currency of every amount of the account.';
comment on column reporting.accounts.credit_limit is 'Credit limit; null when none was set.';
comment on column reporting.accounts.balance is 'Balance now: positive, the customer owes; negative, in credit.';
comment on column reporting.accounts.status is 'UNSETTLED while the balance is positive, otherwise SETTLED.';
comment on column reporting.accounts.closed is 'True once the account was closed.';
comment on column reporting.accounts.credit_rating is 'The operator''s credit rating code (e.g. AAA).';
comment on column reporting.accounts.classification is 'The operator''s classification (e.g. VIP, RESIDENTIAL).';
comment on column reporting.accounts.owning_unit is 'Organisational unit owning the account; null before units existed.';
comment on column reporting.accounts.opened_at is 'When the account was opened.';
comment on column reporting.accounts.last_movement_at is 'When the latest posting was recorded; null before any.';

create view reporting.account_postings as
select account_id, sequence_number, posting_id, entry_type, posted_at, narrative, reference, amount, balance_effect,
       running_balance, currency
from account_statement_line;
comment on view reporting.account_postings is 'Every posting on every account, in order: the statement lines.';
comment on column reporting.account_postings.account_id is 'The account posted to.';
comment on column reporting.account_postings.sequence_number is 'Order of the posting within its account.';
comment on column reporting.account_postings.posting_id is 'Identifier of the posting (charge, payment, bill, ...).';
comment on column reporting.account_postings.entry_type is 'CHARGE, CREDIT, PAYMENT, ADJUSTMENT or BILL.';
comment on column reporting.account_postings.posted_at is 'When the posting was recorded.';
comment on column reporting.account_postings.narrative is 'Free text given with the posting.';
comment on column reporting.account_postings.reference is 'External reference (receipt, bill number, ...).';
comment on column reporting.account_postings.amount is 'Amount as given, unsigned.';
comment on column reporting.account_postings.balance_effect is 'Signed effect on the balance: positive adds to what is owed.';
comment on column reporting.account_postings.running_balance is 'Balance after this posting.';
comment on column reporting.account_postings.currency is 'ISO 4217 currency of the amounts.';

create view reporting.payments as
select account_id, posting_id as payment_id, posted_at, amount, currency, reference, narrative
from account_statement_line
where entry_type = 'PAYMENT';
comment on view reporting.payments is 'Payments received, one row per payment posted to an account.';
comment on column reporting.payments.account_id is 'The account paid into.';
comment on column reporting.payments.payment_id is 'Identifier of the payment''s posting.';
comment on column reporting.payments.posted_at is 'When the payment was recorded.';
comment on column reporting.payments.amount is 'Amount paid (positive).';
comment on column reporting.payments.currency is 'ISO 4217 currency of the amount.';
comment on column reporting.payments.reference is 'External reference (receipt, bank reference).';
comment on column reporting.payments.narrative is 'Free text given with the payment.';

-- What is owed, item by item: payments and credits settle the oldest debits first, so an account's balance is made
-- of its newest debits. Each debit's outstanding part is what of the balance is left once the newer debits are taken.
create view reporting.receivable_items as
with debits as (
    select l.account_id, l.posting_id, l.entry_type, l.posted_at, l.balance_effect, l.currency, a.balance,
           sum(l.balance_effect) over (partition by l.account_id order by l.sequence_number desc) as newer_and_this
    from account_statement_line l
    join account_summary a on a.account_id = l.account_id
    where l.balance_effect > 0 and a.balance > 0
)
select account_id, posting_id, entry_type, posted_at,
       least(balance_effect, balance - (newer_and_this - balance_effect)) as outstanding, currency,
       current_date - (posted_at at time zone 'UTC')::date as age_days
from debits
where newer_and_this - balance_effect < balance;
comment on view reporting.receivable_items is
    'Debits still owed (first in, first out), with their age in days today: the base of aged receivables.';
comment on column reporting.receivable_items.account_id is 'The account that owes.';
comment on column reporting.receivable_items.posting_id is 'The debit (charge, bill, debit adjustment) still owed.';
comment on column reporting.receivable_items.entry_type is 'CHARGE, BILL or ADJUSTMENT.';
comment on column reporting.receivable_items.posted_at is 'When the debit was recorded.';
comment on column reporting.receivable_items.outstanding is 'What of the debit is still owed.';
comment on column reporting.receivable_items.currency is 'ISO 4217 currency of the amount.';
comment on column reporting.receivable_items.age_days is 'Days from the posting''s date (UTC) to today.';

create view reporting.aged_receivables as
select account_id, currency,
       coalesce(sum(outstanding) filter (where age_days <= 30), 0) as days_0_30,
       coalesce(sum(outstanding) filter (where age_days between 31 and 60), 0) as days_31_60,
       coalesce(sum(outstanding) filter (where age_days between 61 and 90), 0) as days_61_90,
       coalesce(sum(outstanding) filter (where age_days > 90), 0) as days_over_90,
       sum(outstanding) as total
from reporting.receivable_items
group by account_id, currency;
comment on view reporting.aged_receivables is
    'Per account owing money: what it owes by age (0-30, 31-60, 61-90, over 90 days); total equals its balance.';
comment on column reporting.aged_receivables.account_id is 'The account that owes.';
comment on column reporting.aged_receivables.currency is 'ISO 4217 currency of the amounts.';
comment on column reporting.aged_receivables.days_0_30 is 'Owed for 0 to 30 days.';
comment on column reporting.aged_receivables.days_31_60 is 'Owed for 31 to 60 days.';
comment on column reporting.aged_receivables.days_61_90 is 'Owed for 61 to 90 days.';
comment on column reporting.aged_receivables.days_over_90 is 'Owed for more than 90 days.';
comment on column reporting.aged_receivables.total is 'Everything owed: the account''s balance.';

create view reporting.bills as
select bill_id, bill_number, account_id, subscription_id, run_id, kind, issued_on, period_from, period_to, total,
       tax_total, currency, due_date, line_count, issued_at
from bill;
comment on view reporting.bills is 'Bills issued, one row per bill.';
comment on column reporting.bills.bill_id is 'The bill''s identifier.';
comment on column reporting.bills.bill_number is 'Bill number, gapless and in order per year (e.g. 2026-000042).';
comment on column reporting.bills.account_id is 'The account billed.';
comment on column reporting.bills.subscription_id is 'The subscription billed.';
comment on column reporting.bills.run_id is 'The bill run that issued it; null for a usage bill issued early.';
comment on column reporting.bills.kind is 'RUN (issued by a bill run) or USAGE (usage billed early).';
comment on column reporting.bills.issued_on is 'Business date of issue.';
comment on column reporting.bills.period_from is 'First day of the period billed (inclusive).';
comment on column reporting.bills.period_to is 'End of the period billed (exclusive).';
comment on column reporting.bills.total is 'Total, VAT inclusive.';
comment on column reporting.bills.tax_total is 'VAT included in the total.';
comment on column reporting.bills.currency is 'ISO 4217 currency of the amounts.';
comment on column reporting.bills.due_date is 'Date the bill is due.';
comment on column reporting.bills.line_count is 'Number of lines.';
comment on column reporting.bills.issued_at is 'When the bill was recorded.';

create view reporting.bill_lines as
select bill_id, line_no, kind, product_code, description, period_from, period_to, quantity, amount, tax_amount,
       tax_rate_percent, currency, reference
from bill_line;
comment on view reporting.bill_lines is 'The lines of every bill.';
comment on column reporting.bill_lines.bill_id is 'The bill the line is on.';
comment on column reporting.bill_lines.line_no is 'Position of the line on its bill.';
comment on column reporting.bill_lines.kind is
    'RECURRING (a termed service), CREDIT (unused days of a removed service, negative), USAGE or ONE_OFF.';
comment on column reporting.bill_lines.product_code is 'The product charged (catalog code).';
comment on column reporting.bill_lines.description is 'Text printed on the line.';
comment on column reporting.bill_lines.period_from is 'First day the line covers (inclusive); null for one-offs.';
comment on column reporting.bill_lines.period_to is 'End of what the line covers (exclusive).';
comment on column reporting.bill_lines.quantity is 'Units charged (distributors, calls, ...).';
comment on column reporting.bill_lines.amount is 'Amount, VAT inclusive.';
comment on column reporting.bill_lines.tax_amount is 'VAT included in the amount.';
comment on column reporting.bill_lines.tax_rate_percent is 'VAT rate applied, in percent.';
comment on column reporting.bill_lines.currency is 'ISO 4217 currency of the amounts.';
comment on column reporting.bill_lines.reference is 'What the line charges: usage record, one-off charge id, ...';

create view reporting.subscriptions as
select subscription_id, account_id, subscription_type_code, state, billing_term_scheme, price_plan,
       billing_frequency, agreement_date, binding_start_date, binding_end_date, created_on, activated_on,
       deactivated_on, terminated_on, owning_unit
from subscription_summary;
comment on view reporting.subscriptions is 'One row per subscription as it stands now.';
comment on column reporting.subscriptions.subscription_id is 'The subscription''s identifier.';
comment on column reporting.subscriptions.account_id is 'The account it bills to.';
comment on column reporting.subscriptions.subscription_type_code is 'Its subscription type (the package sold).';
comment on column reporting.subscriptions.state is 'DRAFT, EFFECTIVE, DEACTIVATED or TERMINATED.';
comment on column reporting.subscriptions.billing_term_scheme is 'Code of its billing term scheme.';
comment on column reporting.subscriptions.price_plan is 'Price plan now in force; null: the scheme''s default.';
comment on column reporting.subscriptions.billing_frequency is 'How often it is billed (e.g. MONTHLY, ANNUAL).';
comment on column reporting.subscriptions.agreement_date is 'Date the customer agreed.';
comment on column reporting.subscriptions.binding_start_date is 'Start of the binding (minimum) period.';
comment on column reporting.subscriptions.binding_end_date is 'End of the binding period.';
comment on column reporting.subscriptions.created_on is 'Business date it was created.';
comment on column reporting.subscriptions.activated_on is 'Business date it became effective; null while draft.';
comment on column reporting.subscriptions.deactivated_on is 'Business date of its latest deactivation.';
comment on column reporting.subscriptions.terminated_on is 'Business date it was terminated (churned); null if not.';
comment on column reporting.subscriptions.owning_unit is 'Organisational unit owning it.';

create view reporting.subscription_services as
select subscription_id, product_code, components, distributor_ids, quantity, effective_date, billable_period_start_date,
       billing_effective_date, removed_on, provisioning_state
from subscription_service;
comment on view reporting.subscription_services is 'The services (products) of every subscription.';
comment on column reporting.subscription_services.subscription_id is 'The subscription.';
comment on column reporting.subscription_services.product_code is 'The product (catalog code).';
comment on column reporting.subscription_services.components is 'Components of the service.';
comment on column reporting.subscription_services.distributor_ids is 'Distributors (e.g. set-top boxes) it runs on.';
comment on column reporting.subscription_services.quantity is 'Number of distributors: the quantity billed.';
comment on column reporting.subscription_services.effective_date is 'Date the service took effect.';
comment on column reporting.subscription_services.billable_period_start_date is 'First day it is billed for.';
comment on column reporting.subscription_services.billing_effective_date is 'Date billing of it starts.';
comment on column reporting.subscription_services.removed_on is 'Date it was removed; null while it runs.';
comment on column reporting.subscription_services.provisioning_state is 'How far provisioning at the provider got; PENDING until it reports back.';

create view reporting.installed_items as
select serial_number, subscription_id, product_code, account_id, installed_on, removed_on
from installed_item;
comment on view reporting.installed_items is 'Hardware installed at customers, by serial number.';
comment on column reporting.installed_items.serial_number is 'The item''s serial number.';
comment on column reporting.installed_items.subscription_id is 'The subscription it was installed for.';
comment on column reporting.installed_items.product_code is 'The hardware product.';
comment on column reporting.installed_items.account_id is 'The customer''s account.';
comment on column reporting.installed_items.installed_on is 'Date installed.';
comment on column reporting.installed_items.removed_on is 'Date removed; null while installed.';

create view reporting.unbilled_usage as
select subscription_id, record_id, account_id, product_code, used_at, amount, currency, recorded_on
from unbilled_usage;
comment on view reporting.unbilled_usage is
    'Usage recorded and rated but not billed yet (billed usage is on reporting.bill_lines, kind USAGE).';
comment on column reporting.unbilled_usage.subscription_id is 'The subscription used.';
comment on column reporting.unbilled_usage.record_id is 'The usage record''s identifier.';
comment on column reporting.unbilled_usage.account_id is 'The account it will bill to.';
comment on column reporting.unbilled_usage.product_code is 'The usage product (calls, pay-per-view, ...).';
comment on column reporting.unbilled_usage.used_at is 'When the usage happened (local time of the record).';
comment on column reporting.unbilled_usage.amount is 'Rated amount, VAT inclusive.';
comment on column reporting.unbilled_usage.currency is 'ISO 4217 currency of the amount.';
comment on column reporting.unbilled_usage.recorded_on is 'Business date it was recorded.';

create view reporting.subscription_discounts as
select subscription_id, discount_id, definition_code, discount_type, status, value_kind, amount, currency, percentage,
       free_count, free_unit, starts_on, ends_on, removed_on, added_by, added_at, decided_by, decided_on
from subscription_discount;
comment on view reporting.subscription_discounts is 'Discounts given on subscriptions, with their approval.';
comment on column reporting.subscription_discounts.subscription_id is 'The subscription discounted.';
comment on column reporting.subscription_discounts.discount_id is 'The discount''s identifier.';
comment on column reporting.subscription_discounts.definition_code is 'Code of the discount definition.';
comment on column reporting.subscription_discounts.discount_type is 'AD_HOC (added by an agent) or AUTO_APPLY (applied by billing when its criteria hold).';
comment on column reporting.subscription_discounts.status is 'PENDING_APPROVAL, APPROVED, REJECTED or REMOVED.';
comment on column reporting.subscription_discounts.value_kind is 'AMOUNT, PERCENTAGE or FREE_PERIOD.';
comment on column reporting.subscription_discounts.amount is 'Amount off, for AMOUNT.';
comment on column reporting.subscription_discounts.currency is 'Currency of the amount.';
comment on column reporting.subscription_discounts.percentage is 'Percent off, for PERCENTAGE.';
comment on column reporting.subscription_discounts.free_count is 'How many free periods, for FREE_PERIOD.';
comment on column reporting.subscription_discounts.free_unit is 'Unit of the free periods.';
comment on column reporting.subscription_discounts.starts_on is 'First day it applies.';
comment on column reporting.subscription_discounts.ends_on is 'Last day it applies (inclusive); null: indefinitely.';
comment on column reporting.subscription_discounts.removed_on is 'Date removed; null if not.';
comment on column reporting.subscription_discounts.added_by is 'Who added it.';
comment on column reporting.subscription_discounts.added_at is 'When it was added.';
comment on column reporting.subscription_discounts.decided_by is 'Who approved or rejected it.';
comment on column reporting.subscription_discounts.decided_on is 'Business date of the decision.';

create view reporting.discount_applications as
select subscription_id, discount_id, definition_code, bill_id, period_start, period_end, amount, currency,
       application_number, applied_at
from discount_application;
comment on view reporting.discount_applications is 'Each time a discount took money off a bill.';
comment on column reporting.discount_applications.subscription_id is 'The subscription discounted.';
comment on column reporting.discount_applications.discount_id is 'The discount applied.';
comment on column reporting.discount_applications.definition_code is 'Code of the discount definition.';
comment on column reporting.discount_applications.bill_id is 'The bill it reduced.';
comment on column reporting.discount_applications.period_start is 'First day of the period discounted.';
comment on column reporting.discount_applications.period_end is 'End of the period discounted.';
comment on column reporting.discount_applications.amount is 'Amount taken off.';
comment on column reporting.discount_applications.currency is 'ISO 4217 currency of the amount.';
comment on column reporting.discount_applications.application_number is 'How many times it has applied, this one included.';
comment on column reporting.discount_applications.applied_at is 'When it was applied.';

create view reporting.price_versions as
select price_plan_code, product_code, version, classification, effective_from, effective_to, model, basis,
       base_amount, currency
from price_version;
comment on view reporting.price_versions is 'Every version of every price of the catalog''s price plans.';
comment on column reporting.price_versions.price_plan_code is 'The price plan.';
comment on column reporting.price_versions.product_code is 'The product priced.';
comment on column reporting.price_versions.version is 'Version number of the price.';
comment on column reporting.price_versions.classification is 'ONE_TIME_SERVICE, EXPENSE, TERMED_SERVICE or PHYSICAL_GOOD.';
comment on column reporting.price_versions.effective_from is 'First day the version applies.';
comment on column reporting.price_versions.effective_to is 'Day it stops applying; null: open.';
comment on column reporting.price_versions.model is 'FLAT or TIERED.';
comment on column reporting.price_versions.basis is 'QUANTITY, DURATION_HOURS or MATURITY_PERIODS.';
comment on column reporting.price_versions.base_amount is 'Amount per unit outside every level, VAT inclusive.';
comment on column reporting.price_versions.currency is 'ISO 4217 currency of the amount.';

-- a role that exists before the migration gets its rights now, and those of views added later by the same owner
do $$
begin
    if exists (select 1 from pg_roles where rolname = 'ledger_reporting') then
        execute 'grant usage on schema reporting to ledger_reporting';
        execute 'grant select on all tables in schema reporting to ledger_reporting';
        execute 'alter default privileges in schema reporting grant select on tables to ledger_reporting';
    end if;
end
$$;
