package org.subledger.benchmarks;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * After the replays, a plain check that the read models were rebuilt whole rather than skipping events: rows in the
 * projections' tables against the event store, and the dead letters the processors parked.
 */
final class ReadModelCheck {

    private final JdbcTemplate jdbc;

    ReadModelCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<String> describe(int accounts) {
        List<String> lines = new ArrayList<>();
        long postings = count("select count(*) from domain_event_entry where payload_type like '%ChargePosted'");
        long summaries = count("select count(*) from account_summary");
        long statementLines = count("select count(*) from account_statement_line");
        long deadLetters = count("select count(*) from dead_letter_entry");
        boolean whole = summaries == accounts && statementLines == postings && deadLetters == 0;
        lines.add(String.format("Read models after the replays: account_summary %,d rows (%,d accounts),"
                        + " account_statement_line %,d rows (%,d ChargePosted events), %,d dead letters: %s.",
                summaries, accounts, statementLines, postings, deadLetters, whole ? "complete" : "INCOMPLETE"));
        return lines;
    }

    private long count(String sql) {
        try {
            Long count = jdbc.queryForObject(sql, Long.class);
            return count == null ? 0 : count;
        } catch (DataAccessException e) {
            return -1;
        }
    }
}
