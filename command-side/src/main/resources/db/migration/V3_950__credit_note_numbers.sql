-- Credit notes are numbered in a gapless series of their own per year (CN-2026-000001), apart from the bills'.
create table credit_note_number_series (
    series_year integer not null primary key,
    last_number bigint  not null
);
