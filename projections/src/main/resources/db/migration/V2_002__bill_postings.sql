-- Bills are posted to accounts (BillPosted): a new kind of statement line and last movement, BILL. The kinds are
-- plain varchar columns (no check constraint), so only their documentation changes.

comment on column account_summary.last_movement_type is
    'Kind of the last posting: CHARGE, CREDIT, PAYMENT, ADJUSTMENT or BILL.';
comment on column account_statement_line.entry_type is
    'CHARGE, debit ADJUSTMENTs and BILLs add to what the customer owes; CREDIT, PAYMENT, credit ADJUSTMENTs and '
    'BILLs whose credits exceed their charges (negative total) take from it. balance_effect has the sign.';
comment on column account_statement_line.reference is
    'The client''s reference of the posting (invoice number, payment reference), the bill number of a BILL; null '
    'for adjustments.';
