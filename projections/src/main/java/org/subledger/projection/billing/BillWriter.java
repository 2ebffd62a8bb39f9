package org.subledger.projection.billing;

import org.springframework.jdbc.core.JdbcTemplate;
import org.subledger.projection.support.CopyRows;
import org.subledger.projection.support.PlannedPerExecution;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Writes a batch's {@link PendingBilling} with a handful of JDBC batches and two look-ups per batch (never one per
 * event). A bill run's {@code billed} and {@code failed} grow by the bills and failures this batch adds that were not
 * there yet, so a redelivered event adds nothing; the run's completion then sets the counts it reports, and nothing
 * is added after it. A bill can be projected before its run's start (segments move independently): the counts then
 * create the run's row, which the start completes.
 */
final class BillWriter {

    static final String RUN_STARTED = """
            insert into bill_run (run_id, billing_date, billing_frequency, subscription_type_code, status, started_at,
                                  started_by, version)
            values (?, ?, ?, ?, 'STARTED', ?, ?, ?)
            on conflict (run_id) do update set billing_date = excluded.billing_date,
                billing_frequency = excluded.billing_frequency,
                subscription_type_code = excluded.subscription_type_code, started_at = excluded.started_at,
                started_by = excluded.started_by, version = excluded.version
            where bill_run.version < excluded.version""";
    static final String RUN_CANDIDATES_SELECTED = """
            update bill_run set subscriptions_total = ?, version = ?
            where run_id = ? and version < ?""";
    static final String RUN_COMPLETED = """
            update bill_run set status = 'COMPLETED', subscriptions_total = ?, billed = ?, failed = ?, skipped = ?,
                                completed_at = ?, version = ?
            where run_id = ? and version < ?""";

    private static final String RUN_COUNTS = """
            insert into bill_run (run_id, status, billed, failed, version)
            values (?, 'STARTED', ?, ?, -1)
            on conflict (run_id) do update set billed = bill_run.billed + excluded.billed,
                                               failed = bill_run.failed + excluded.failed
            where bill_run.status <> 'COMPLETED'""";
    private static final String INSERT_BILL = """
            insert into bill (bill_id, bill_number, account_id, subscription_id, run_id, kind, issued_on, period_from,
                              period_to, total, tax_total, currency, due_date, line_count, issued_at, version)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (bill_id) do nothing""";
    /** Lines are copied (the most rows a bill run writes): only those of bills new to {@code bill}, so never twice. */
    private static final String[] LINE_COLUMNS = {"bill_id", "line_no", "kind", "product_code", "description",
            "period_from", "period_to", "quantity", "amount", "tax_amount", "tax_rate_percent", "currency", "reference",
            "explanation", "subscription_id", "application_number"};
    private static final String INSERT_SECTION = """
            insert into bill_section (bill_id, section_no, subscription_id, period_from, period_to, first_line_no,
                                      last_line_no, total, tax_total, currency)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (bill_id, section_no) do nothing""";
    private static final String INSERT_FAILURE = """
            insert into bill_run_failure (subscription_id, event_sequence, run_id, account_id, billing_date,
                                          error_code, reason, failed_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (subscription_id, event_sequence) do nothing""";

    private record Counts(long billed, long failed) {
        Counts plus(Counts other) {
            return new Counts(billed + other.billed, failed + other.failed);
        }
    }

    private final JdbcTemplate jdbc;

    BillWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void write(PendingBilling pending) {
        runStatements(pending.runStatements);
        Map<String, Counts> counts = new TreeMap<>(); // sorted: concurrent batches lock the runs in the same order
        List<BillRow> bills = newOnes(pending.bills.values(), BillRow::billId, BillRow::billId,
                "select bill_id from bill where bill_id = any(?)");
        insertBills(bills);
        bills.stream().filter(bill -> bill.runId() != null)
                .forEach(bill -> counts.merge(bill.runId(), new Counts(1, 0), Counts::plus));
        List<PendingBilling.Failure> failures = newOnes(pending.failures.values(), PendingBilling.Failure::key,
                PendingBilling.Failure::subscriptionId, """
                        select subscription_id || '#' || event_sequence from bill_run_failure
                        where subscription_id = any(?)""");
        insertFailures(failures);
        failures.forEach(failure -> counts.merge(failure.runId(), new Counts(0, 1), Counts::plus));
        if (!counts.isEmpty()) {
            var entries = new ArrayList<>(counts.entrySet());
            jdbc.batchUpdate(RUN_COUNTS, entries, entries.size(), (statement, entry) -> {
                statement.setString(1, entry.getKey());
                statement.setLong(2, entry.getValue().billed());
                statement.setLong(3, entry.getValue().failed());
            });
        }
    }

    void clear() {
        jdbc.execute("truncate table bill, bill_line, bill_section, bill_run, bill_run_failure");
    }

    /** Runs the statements in order, each run of consecutive statements with the same SQL as one JDBC batch. */
    private void runStatements(List<PendingBilling.RunStatement> statements) {
        int start = 0;
        while (start < statements.size()) {
            String sql = statements.get(start).sql();
            List<Object[]> batch = new ArrayList<>();
            int end = start;
            while (end < statements.size() && statements.get(end).sql().equals(sql)) {
                batch.add(statements.get(end).arguments());
                end++;
            }
            jdbc.batchUpdate(sql, batch);
            start = end;
        }
    }

    /**
     * The rows whose key the table does not hold yet, found with one query for the whole batch: it selects the keys
     * of the rows matching any of the rows' {@code lookup} values (the key itself, or its first column).
     */
    private <T> List<T> newOnes(Collection<T> rows, Function<T, String> key, Function<T, String> lookupValue,
                                String existingKeysSql) {
        if (rows.isEmpty()) {
            return List.of();
        }
        String[] lookup = rows.stream().map(lookupValue).distinct().toArray(String[]::new);
        Set<String> existing = new HashSet<>(jdbc.query(connection -> {
            PreparedStatement statement = PlannedPerExecution.prepare(connection, existingKeysSql);
            statement.setArray(1, connection.createArrayOf("varchar", lookup));
            return statement;
        }, (rs, row) -> rs.getString(1)));
        return rows.stream().filter(row -> !existing.contains(key.apply(row))).toList();
    }

    private void insertBills(List<BillRow> bills) {
        if (bills.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(INSERT_BILL, bills, bills.size(), (statement, bill) -> {
            statement.setString(1, bill.billId());
            statement.setString(2, bill.billNumber());
            statement.setString(3, bill.accountId());
            statement.setString(4, bill.subscriptionId());
            statement.setString(5, bill.runId());
            statement.setString(6, bill.kind());
            statement.setObject(7, bill.issuedOn());
            statement.setObject(8, bill.periodFrom());
            statement.setObject(9, bill.periodTo());
            statement.setBigDecimal(10, bill.total());
            statement.setBigDecimal(11, bill.taxTotal());
            statement.setString(12, bill.currency());
            statement.setObject(13, bill.dueDate());
            statement.setInt(14, bill.lines().size());
            setInstant(statement, 15, bill.issuedAt());
            statement.setLong(16, bill.version());
        });
        CopyRows lines = new CopyRows("bill_line", LINE_COLUMNS);
        for (BillRow bill : bills) {
            for (BillRow.Line line : bill.lines()) {
                lines.row(bill.billId(), line.lineNo(), line.kind(), line.productCode(), line.description(),
                        line.periodFrom(), line.periodTo(), line.quantity(), line.amount(), line.taxAmount(),
                        line.taxRatePercent(), line.currency(), line.reference(), line.explanation(),
                        line.subscriptionId(), line.applicationNumber());
            }
        }
        lines.copy(jdbc);
        List<SectionInsert> sections = bills.stream()
                .flatMap(bill -> bill.sections().stream().map(section -> new SectionInsert(bill.billId(), section)))
                .toList();
        if (!sections.isEmpty()) {
            jdbc.batchUpdate(INSERT_SECTION, sections, sections.size(), BillWriter::bindSection);
        }
    }

    private record SectionInsert(String billId, BillRow.Section section) {
    }

    private static void bindSection(PreparedStatement statement, SectionInsert insert) throws SQLException {
        BillRow.Section section = insert.section();
        statement.setString(1, insert.billId());
        statement.setInt(2, section.sectionNo());
        statement.setString(3, section.subscriptionId());
        setDate(statement, 4, section.periodFrom());
        setDate(statement, 5, section.periodTo());
        statement.setInt(6, section.firstLineNo());
        statement.setInt(7, section.lastLineNo());
        statement.setBigDecimal(8, section.total());
        statement.setBigDecimal(9, section.taxTotal());
        statement.setString(10, section.currency());
    }

    private void insertFailures(List<PendingBilling.Failure> failures) {
        if (failures.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(INSERT_FAILURE, failures, failures.size(), (statement, failure) -> {
            statement.setString(1, failure.subscriptionId());
            statement.setLong(2, failure.eventSequence());
            statement.setString(3, failure.runId());
            statement.setString(4, failure.accountId());
            setDate(statement, 5, failure.billingDate());
            statement.setString(6, failure.errorCode());
            statement.setString(7, failure.reason());
            setInstant(statement, 8, failure.failedAt());
        });
    }

    private static void setDate(PreparedStatement statement, int index, LocalDate value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.DATE);
        } else {
            statement.setObject(index, value);
        }
    }

    private static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        statement.setObject(index, value.atOffset(ZoneOffset.UTC));
    }
}
