-- Bill line explanations are written without their null fields (the projection's ExplanationJson; docs/benchmarks.md,
-- session 14: a DISCOUNT line's explanation has seven of them, a termed service's four, and a bill run writes millions
-- of lines). A missing field reads as the same SQL null as a JSON null (explanation ->> 'daysCharged'); the lines
-- written before lose theirs too, so that a rebuilt read model and the live one stay equal row for row.
update bill_line set explanation = jsonb_strip_nulls(explanation)
where explanation is not null and explanation <> jsonb_strip_nulls(explanation);

comment on column bill_line.explanation is
    'How the amount was reached, as JSON: pricePlanCode, rateModel, tierBasis, units, tiers (level, units, '
    'unitAmount, amount), periodAmount, daysCharged, daysInPeriod, maturityPeriod, concurrentUsage, directive, '
    'discounts. Amounts as {"amount": 19.99, "currency": "EUR"}. A field without a value is left out (reads as null).';
