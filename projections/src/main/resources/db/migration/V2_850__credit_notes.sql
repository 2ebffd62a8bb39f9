-- A credit note: a numbered document of its own that names the bill it corrects (never a negative bill).
create table credit_note (
    credit_note_id     varchar(255)   not null primary key,
    credit_note_number varchar(64)    not null,
    bill_id            varchar(255)   not null,
    bill_number        varchar(64)    not null,
    account_id         varchar(255)   not null,
    issued_on          date           not null,
    amount             numeric(19, 4) not null,
    tax_amount         numeric(19, 4) not null,
    currency           char(3)        not null,
    reason             varchar(1000)  not null,
    issued_at          timestamptz    not null,
    constraint credit_note_number_unique unique (credit_note_number)
);
-- serves "a bill's credit notes", oldest first
create index credit_note_bill_idx on credit_note (bill_id, issued_at);
comment on table credit_note is
    'Credit notes (CN-2026-000001), each crediting part or all of the bill it names; amounts VAT inclusive.';
comment on column account_statement_line.entry_type is
    'CHARGE, CREDIT, PAYMENT, ADJUSTMENT, BILL or CREDIT_NOTE (a credit note for a bill).';
comment on column credit_note.credit_note_id is 'The credit note''s id (the Idempotency-Key''s, when the request had one).';
comment on column credit_note.credit_note_number is 'Gapless per year, a series apart from the bills'': CN-2026-000001.';
comment on column credit_note.bill_id is 'The bill the credit note corrects.';
comment on column credit_note.bill_number is 'The corrected bill''s number, as printed on the credit note.';
comment on column credit_note.account_id is 'The account credited (the bill''s).';
comment on column credit_note.issued_on is 'The day the credit note was issued.';
comment on column credit_note.amount is 'What it credits, VAT included; positive.';
comment on column credit_note.tax_amount is 'The VAT part of amount: the bill''s share (the last credit note takes what is left).';
comment on column credit_note.currency is 'ISO 4217 code of amount and tax_amount (the bill''s).';
comment on column credit_note.reason is 'Why the bill was credited.';
comment on column credit_note.issued_at is 'When the credit note was recorded.';
