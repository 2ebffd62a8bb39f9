-- Issue 12: reporting.discount_applications, same columns and meaning, now reads the bills' DISCOUNT lines of
-- subscriptions (each application is stored once, as its line: V2_991); discount_application goes in V2_993.
drop view reporting.discount_applications;

create view reporting.discount_applications as
select l.subscription_id, l.reference as discount_id, l.product_code as definition_code, l.bill_id,
       l.period_from as period_start, l.period_to as period_end, -l.amount as amount, l.currency,
       l.application_number, b.issued_at as applied_at
from bill_line l
join bill b on b.bill_id = l.bill_id
where l.kind = 'DISCOUNT' and l.subscription_id is not null;
comment on view reporting.discount_applications is
    'Each time a discount took money off a subscription''s bill: the bill''s DISCOUNT lines.';
comment on column reporting.discount_applications.subscription_id is 'The subscription discounted.';
comment on column reporting.discount_applications.discount_id is 'The discount applied.';
comment on column reporting.discount_applications.definition_code is 'Code of the discount definition.';
comment on column reporting.discount_applications.bill_id is 'The bill it reduced.';
comment on column reporting.discount_applications.period_start is 'First day of the period discounted.';
comment on column reporting.discount_applications.period_end is 'End of the period discounted.';
comment on column reporting.discount_applications.amount is 'Amount taken off.';
comment on column reporting.discount_applications.currency is 'ISO 4217 currency of the amount.';
comment on column reporting.discount_applications.application_number is 'How many times it has applied, this one included.';
comment on column reporting.discount_applications.applied_at is 'When it was applied (the bill''s issue).';

do $$
begin
    if exists (select 1 from pg_roles where rolname = 'ledger_reporting') then
        execute 'grant select on reporting.discount_applications to ledger_reporting';
    end if;
end
$$;
