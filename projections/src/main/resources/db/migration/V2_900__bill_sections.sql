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

