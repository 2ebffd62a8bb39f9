-- Bills per account: a bill has a section per subscription billed on it. bill.subscription_id stays the subscription
-- of a one-section bill and is null for a bill with several sections; each line says which subscription it bills.
create table bill_section (
    bill_id         varchar(255)    not null,
    section_no      integer        not null,
    subscription_id varchar(255)    not null,
    period_from     date,
    period_to       date,
    first_line_no   integer        not null,
    last_line_no    integer        not null,
    total           numeric(19, 4) not null,
    tax_total       numeric(19, 4) not null,
    currency        char(3)        not null,
    primary key (bill_id, section_no)
);
create index bill_section_subscription_idx on bill_section (subscription_id);

comment on table bill_section is 'The sections of every bill: one per subscription billed on it, in line order.';
comment on column bill_section.bill_id is 'The bill (bill.bill_id).';
comment on column bill_section.section_no is 'Position of the section on the bill, from 1.';
comment on column bill_section.subscription_id is 'The subscription the section bills.';
comment on column bill_section.period_from is 'First day of the period the section bills (inclusive).';
comment on column bill_section.period_to is 'End of the period the section bills (exclusive).';
comment on column bill_section.first_line_no is 'First line of the section (bill_line.line_no).';
comment on column bill_section.last_line_no is 'Last line of the section; below first_line_no when it has none.';
comment on column bill_section.total is 'Subtotal of the section, VAT inclusive.';
comment on column bill_section.tax_total is 'VAT included in the subtotal.';
comment on column bill_section.currency is 'ISO 4217 currency of the amounts.';

alter table bill alter column subscription_id drop not null;
alter table bill_line add column subscription_id varchar(255);
comment on column bill_line.subscription_id is 'The subscription the line bills (its section''s); null on a job''s bill.';
comment on column bill.subscription_id is
    'The subscription billed when the bill has one section; null for a bill per account with several (see bill_section).';

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
