-- bill_line_reference_idx indexed every line with a reference: the usage record or one-off charge a line bills, and
-- since discounts, the discount a DISCOUNT line takes (e.g. 'auto:BENCH-TEN-PERCENT'). The ledger never reads
-- bill_line by reference (a bill's lines are read by bill_id, the primary key's first column), so the index was pure
-- cost on every bill written: two index entries per bill with one discount over two periods (issue 12, the bill run
-- with discounts; docs/benchmarks.md). A reporting query by reference narrows by bill, account or date first
-- (reporting.bill_lines joined with reporting.bills), or brings an index of its own.
drop index if exists bill_line_reference_idx;
