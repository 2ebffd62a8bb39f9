package org.subledger.query.billing;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.subledger.kernel.billing.BillKind;
import org.subledger.kernel.billing.BillLine;
import org.subledger.kernel.billing.BillLineKind;
import org.subledger.kernel.billing.BillSection;
import org.subledger.kernel.billing.query.BillDetails;
import org.subledger.kernel.billing.query.BillPage;
import org.subledger.kernel.billing.query.BillRunPage;
import org.subledger.kernel.billing.query.BillRunStatus;
import org.subledger.kernel.billing.query.BillRunSummary;
import org.subledger.kernel.billing.query.BillSummary;
import org.subledger.kernel.billing.query.CreditNoteSummary;
import org.subledger.kernel.billing.query.FindBill;
import org.subledger.kernel.billing.query.FindBillRun;
import org.subledger.kernel.billing.query.FindCreditNote;
import org.subledger.kernel.billing.query.ListAccountBills;
import org.subledger.kernel.billing.query.ListBillRuns;
import org.subledger.kernel.billing.query.ListUnbilledUsage;
import org.subledger.kernel.billing.query.UnbilledUsageRecord;
import org.subledger.kernel.catalog.BillingFrequency;
import org.subledger.kernel.money.Money;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * Answers the billing queries from the read models the billing projections keep ({@code bill}, {@code bill_line},
 * {@code bill_run}; unbilled usage from {@code reporting.unbilled_usage}, which shows the read model's records with
 * billing's rows of mediation batches, V2_996).
 */
@Component
class BillQueryHandler {

    /** The largest page any billing query returns, whoever asks. */
    static final int MAX_PAGE_SIZE = 500;

    private static final String BILLS = """
            select bill_id, bill_number, account_id, subscription_id, run_id, kind, issued_on, period_from, period_to,
                   total, tax_total, currency, due_date, line_count, issued_at
            from bill""";

    private static final RowMapper<BillSummary> BILL = (rs, row) -> {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        return new BillSummary(rs.getString("bill_id"), rs.getString("bill_number"), rs.getString("account_id"),
                rs.getString("subscription_id"), rs.getString("run_id"), BillKind.valueOf(rs.getString("kind")),
                date(rs, "issued_on"), date(rs, "period_from"), date(rs, "period_to"),
                Money.of(rs.getBigDecimal("total"), currency), Money.of(rs.getBigDecimal("tax_total"), currency),
                date(rs, "due_date"), rs.getInt("line_count"), instant(rs, "issued_at"));
    };

    private static final RowMapper<BillLine> LINE = (rs, row) -> {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        return new BillLine(rs.getInt("line_no"), BillLineKind.valueOf(rs.getString("kind")),
                rs.getString("product_code"), rs.getString("description"), date(rs, "period_from"),
                date(rs, "period_to"), rs.getLong("quantity"), Money.of(rs.getBigDecimal("amount"), currency),
                Money.of(rs.getBigDecimal("tax_amount"), currency), rs.getBigDecimal("tax_rate_percent"),
                rs.getString("reference"), ExplanationJson.read(rs.getString("explanation")));
    };

    private static final RowMapper<BillSection> SECTION = (rs, row) -> {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        return new BillSection(rs.getString("subscription_id"), date(rs, "period_from"), date(rs, "period_to"),
                rs.getInt("first_line_no"), rs.getInt("last_line_no"), Money.of(rs.getBigDecimal("total"), currency),
                Money.of(rs.getBigDecimal("tax_total"), currency));
    };

    private static final RowMapper<BillRunSummary> RUN = (rs, row) -> {
        String frequency = rs.getString("billing_frequency");
        return new BillRunSummary(rs.getString("run_id"), BillRunStatus.valueOf(rs.getString("status")),
                date(rs, "billing_date"), frequency == null ? null : BillingFrequency.valueOf(frequency),
                rs.getString("subscription_type_code"), rs.getObject("subscriptions_total", Long.class),
                rs.getLong("billed"), rs.getLong("failed"), rs.getObject("skipped", Long.class),
                instant(rs, "started_at"), instant(rs, "completed_at"), rs.getString("started_by"));
    };

    private static final String RUNS = """
            select run_id, status, billing_date, billing_frequency, subscription_type_code, subscriptions_total,
                   billed, failed, skipped, started_at, completed_at, started_by
            from bill_run""";

    private static final RowMapper<UnbilledUsageRecord> USAGE = (rs, row) -> new UnbilledUsageRecord(
            rs.getString("subscription_id"), rs.getString("record_id"), rs.getString("account_id"),
            rs.getString("product_code"), rs.getObject("used_at", LocalDateTime.class),
            Money.of(rs.getBigDecimal("amount"), Currency.getInstance(rs.getString("currency"))),
            date(rs, "recorded_on"));

    private final NamedParameterJdbcTemplate jdbc;

    BillQueryHandler(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static final String CREDIT_NOTES = """
            select credit_note_id, credit_note_number, bill_id, bill_number, account_id, issued_on, amount,
                   tax_amount, currency, reason, issued_at
            from credit_note""";

    private static final RowMapper<CreditNoteSummary> CREDIT_NOTE = (rs, row) -> {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        return new CreditNoteSummary(rs.getString("credit_note_id"), rs.getString("credit_note_number"),
                rs.getString("bill_id"), rs.getString("bill_number"), rs.getString("account_id"),
                date(rs, "issued_on"), Money.of(rs.getBigDecimal("amount"), currency),
                Money.of(rs.getBigDecimal("tax_amount"), currency), rs.getString("reason"), instant(rs, "issued_at"));
    };

    @QueryHandler
    Optional<BillDetails> handle(FindBill query) {
        var parameters = new MapSqlParameterSource("billId", query.billId());
        return jdbc.query(BILLS + " where bill_id = :billId", parameters, BILL).stream().findFirst()
                .map(bill -> new BillDetails(bill, jdbc.query("""
                        select line_no, kind, product_code, description, period_from, period_to, quantity, amount,
                               tax_amount, tax_rate_percent, currency, reference, explanation::text as explanation
                        from bill_line where bill_id = :billId order by line_no""", parameters, LINE),
                        jdbc.query("""
                                select subscription_id, period_from, period_to, first_line_no, last_line_no, total,
                                       tax_total, currency
                                from bill_section where bill_id = :billId order by section_no""", parameters,
                                SECTION),
                        jdbc.query(CREDIT_NOTES + " where bill_id = :billId order by issued_at, credit_note_number",
                                parameters, CREDIT_NOTE)));
    }

    @QueryHandler
    Optional<CreditNoteSummary> handle(FindCreditNote query) {
        return jdbc.query(CREDIT_NOTES + " where credit_note_id = :id",
                new MapSqlParameterSource("id", query.creditNoteId()), CREDIT_NOTE).stream().findFirst();
    }

    @QueryHandler
    BillPage handle(ListAccountBills query) {
        int page = Math.max(query.page(), 0);
        int size = Math.min(Math.max(query.size(), 1), MAX_PAGE_SIZE);
        var parameters = new MapSqlParameterSource("accountId", query.accountId()).addValue("limit", size)
                .addValue("offset", (long) page * size);
        List<BillSummary> content = jdbc.query(BILLS + """
                 where account_id = :accountId
                order by issued_on desc, bill_number desc limit :limit offset :offset""", parameters, BILL);
        Long total = jdbc.queryForObject("select count(*) from bill where account_id = :accountId", parameters,
                Long.class);
        return new BillPage(query.accountId(), content, page, size, total == null ? 0 : total);
    }

    /** A run whose bills were projected before its start is not known yet ({@code version} -1). */
    @QueryHandler
    Optional<BillRunSummary> handle(FindBillRun query) {
        return jdbc.query(RUNS + " where run_id = :runId and version >= 0",
                new MapSqlParameterSource("runId", query.runId()), RUN).stream().findFirst();
    }

    /** Newest first by start, on {@code bill_run_started_at_idx}; runs whose start is not projected yet are left out. */
    @QueryHandler
    BillRunPage handle(ListBillRuns query) {
        int page = Math.max(query.page(), 0);
        int size = Math.min(Math.max(query.size(), 1), MAX_PAGE_SIZE);
        var parameters = new MapSqlParameterSource("limit", size).addValue("offset", (long) page * size);
        String where = " where version >= 0";
        if (query.startedBy() != null) {
            where += " and started_at <= :startedBy";
            parameters.addValue("startedBy", query.startedBy().atOffset(ZoneOffset.UTC));
        }
        List<BillRunSummary> content = jdbc.query(RUNS + where
                + " order by started_at desc, run_id limit :limit offset :offset", parameters, RUN);
        Long total = jdbc.queryForObject("select count(*) from bill_run" + where, parameters, Long.class);
        return new BillRunPage(content, page, size, total == null ? 0 : total);
    }

    @QueryHandler
    List<UnbilledUsageRecord> handle(ListUnbilledUsage query) {
        return jdbc.query("""
                select subscription_id, record_id, account_id, product_code, used_at, amount, currency, recorded_on
                from reporting.unbilled_usage where subscription_id = :subscriptionId order by used_at, record_id""",
                new MapSqlParameterSource("subscriptionId", query.subscriptionId()), USAGE);
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
