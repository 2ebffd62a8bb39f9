-- Issue 12 (the bill run's cost of discounts): each application of a subscription's discount is stored once, as the
-- bill's DISCOUNT line. discount_application repeated every such line (a row, a primary key entry and 1 kB of WAL per
-- application, a third of what the discount added to a bill run's writes); the discount state and the applied
-- discounts report now read the lines. A line names its discount (reference), definition (product_code), period,
-- amount (negative) and subscription; the application it counted is kept in application_number, taken from the
-- line's explanation ("application <n>"). The view reporting.discount_applications moves to the lines in V2_992,
-- and discount_application is dropped in V2_993.
alter table bill_line add column application_number integer;
comment on column bill_line.application_number is
    'On a DISCOUNT line of a subscription: the application of the discount it counted (1 for the first); else null.';

update bill_line l
set application_number = (select substring(fact from '^application ([0-9]{1,9})')::integer
                          from jsonb_array_elements_text(l.explanation -> 'discounts') fact
                          where fact like 'application %'
                          limit 1)
where l.kind = 'DISCOUNT' and l.subscription_id is not null;

-- the applied discounts report reads a period's DISCOUNT lines
create index bill_line_discount_period_idx on bill_line (period_from) where kind = 'DISCOUNT';
