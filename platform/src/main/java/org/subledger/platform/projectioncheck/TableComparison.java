package org.subledger.platform.projectioncheck;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * One read-model table compared between the live schema and the rebuilt one: row counts and a checksum over every
 * row (the MD5 of the rows' MD5s in order, so row order on disk does not count), and when they differ the rows found
 * on one side only, as JSON, at most {@code maxRows} a side.
 */
public record TableComparison(String table,
                       long liveRows,
                       long rebuiltRows,
                       String liveChecksum,
                       String rebuiltChecksum,
                       boolean equal,
                       List<String> onlyLive,
                       List<String> onlyRebuilt) {

    private static final String COUNT_AND_CHECKSUM = """
            select count(*), md5(coalesce(string_agg(h, '' order by h), ''))
            from (select md5(t::text) h from %s.%s t) rows""";
    private static final String ONLY_IN_FIRST = """
            select row_to_json(d)::text from (select * from %s.%s except all select * from %s.%s) d limit %d""";

    /** Compares {@code table} in two schemas whose names have been checked to be plain identifiers. */
    static TableComparison of(JdbcTemplate jdbc, String live, String rebuilt, String table, int maxRows) {
        Object[] liveSummary = summary(jdbc, live, table);
        Object[] rebuiltSummary = summary(jdbc, rebuilt, table);
        boolean equal = liveSummary[0].equals(rebuiltSummary[0]) && liveSummary[1].equals(rebuiltSummary[1]);
        List<String> onlyLive = equal ? List.of() : jdbc.queryForList(
                ONLY_IN_FIRST.formatted(live, table, rebuilt, table, maxRows), String.class);
        List<String> onlyRebuilt = equal ? List.of() : jdbc.queryForList(
                ONLY_IN_FIRST.formatted(rebuilt, table, live, table, maxRows), String.class);
        return new TableComparison(table, (Long) liveSummary[0], (Long) rebuiltSummary[0], (String) liveSummary[1],
                (String) rebuiltSummary[1], equal, onlyLive, onlyRebuilt);
    }

    private static Object[] summary(JdbcTemplate jdbc, String schema, String table) {
        return jdbc.queryForObject(COUNT_AND_CHECKSUM.formatted(schema, table),
                (rows, n) -> new Object[]{rows.getLong(1), rows.getString(2)});
    }
}
