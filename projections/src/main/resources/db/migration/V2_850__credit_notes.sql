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
