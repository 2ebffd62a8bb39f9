-- The reporting views over bill sections and the subscription of each bill line (V2_900's tables); kept apart from
-- the tables so the projection check's scratch schema, which has no reporting schema, can run V2_900.
create or replace view reporting.bill_lines as
select bill_id, line_no, kind, product_code, description, period_from, period_to, quantity, amount, tax_amount,
       tax_rate_percent, currency, reference, subscription_id
from bill_line;
comment on column reporting.bill_lines.subscription_id is 'The subscription the line bills (the section it is in).';
comment on column reporting.bills.subscription_id is
    'The subscription billed; null for a bill per account with several subscriptions (see reporting.bill_sections).';

create view reporting.bill_sections as
select bill_id, section_no, subscription_id, period_from, period_to, first_line_no, last_line_no, total, tax_total,
       currency
from bill_section;
comment on view reporting.bill_sections is
    'The sections of every bill: one per subscription billed on it (a bill per account has several), with subtotals.';
comment on column reporting.bill_sections.bill_id is 'The bill the section is on.';
comment on column reporting.bill_sections.section_no is 'Position of the section on its bill, from 1.';
comment on column reporting.bill_sections.subscription_id is 'The subscription the section bills.';
comment on column reporting.bill_sections.period_from is 'First day the section bills (inclusive).';
comment on column reporting.bill_sections.period_to is 'End of what the section bills (exclusive).';
comment on column reporting.bill_sections.first_line_no is 'First line of the section (reporting.bill_lines.line_no).';
comment on column reporting.bill_sections.last_line_no is 'Last line of the section.';
comment on column reporting.bill_sections.total is 'Subtotal of the section, VAT inclusive.';
comment on column reporting.bill_sections.tax_total is 'VAT included in the subtotal.';
comment on column reporting.bill_sections.currency is 'ISO 4217 currency of the amounts.';

do $$
begin
    if exists (select 1 from pg_roles where rolname = 'ledger_reporting') then
        execute 'grant select on reporting.bill_sections, reporting.bill_lines to ledger_reporting';
    end if;
end
$$;
