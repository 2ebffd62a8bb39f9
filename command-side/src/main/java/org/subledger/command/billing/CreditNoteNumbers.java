package org.subledger.command.billing;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Gapless credit note numbers per year ({@code CN-2026-000001}), a series apart from the bills': taken inside the
 * transaction that issues the credit note, as {@link BillNumbers} are, so a rollback gives the number back.
 */
@Repository
class CreditNoteNumbers {

    private final JdbcTemplate jdbc;

    CreditNoteNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The next number of {@code year}'s series. Must run in a transaction. */
    String take(int year) {
        jdbc.update("insert into credit_note_number_series (series_year, last_number) values (?, 0)"
                + " on conflict do nothing", year);
        Long last = jdbc.queryForObject("update credit_note_number_series set last_number = last_number + 1"
                + " where series_year = ? returning last_number", Long.class, year);
        return format(year, last);
    }

    static String format(int year, long number) {
        return String.format("CN-%d-%06d", year, number);
    }
}
