package org.subledger.command.billing;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.List;

/**
 * Gapless bill numbers per year ({@code 2026-000042}). Numbers are taken inside the transaction that issues the
 * bills: the series row stays locked until it commits (so bills are numbered in the order they are issued), and a
 * rollback gives the numbers back.
 */
@Repository
class BillNumbers {

    private final JdbcTemplate jdbc;

    BillNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The next {@code count} numbers of {@code year}'s series, in order. Must run in a transaction. */
    List<String> take(int year, int count) {
        if (count == 0) {
            return List.of();
        }
        jdbc.update("insert into bill_number_series (series_year, last_number) values (?, 0) on conflict do nothing",
                year);
        Long last = jdbc.queryForObject(
                "update bill_number_series set last_number = last_number + ? where series_year = ? returning last_number",
                Long.class, count, year);
        List<String> numbers = new ArrayList<>(count);
        for (long number = last - count + 1; number <= last; number++) {
            numbers.add(format(year, number));
        }
        return numbers;
    }

    static String format(int year, long number) {
        return String.format("%d-%06d", year, number);
    }
}
