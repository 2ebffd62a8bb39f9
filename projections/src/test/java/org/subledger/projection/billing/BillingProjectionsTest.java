package org.subledger.projection.billing;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.subledger.kernel.billing.BillIssued;
import org.subledger.kernel.billing.BillKind;
import org.subledger.kernel.billing.BillLine;
import org.subledger.kernel.billing.BillLineKind;
import org.subledger.kernel.billing.BillRunCandidatesSelected;
import org.subledger.kernel.billing.BillRunCompleted;
import org.subledger.kernel.billing.BillRunStarted;
import org.subledger.kernel.billing.CreditNoteIssued;
import org.subledger.kernel.billing.DiscountLineFacts;
import org.subledger.kernel.billing.LineExplanation;
import org.subledger.kernel.catalog.BillingFrequency;
import org.subledger.kernel.metadata.LedgerMetadata;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.usage.UsageBatchRecorded;
import org.subledger.projection.ProcessorReplays;
import org.subledger.projection.ProjectionWiringTest;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.projection.ProcessorReplays.await;
import static org.subledger.projection.billing.BillingEvents.APRIL_1;
import static org.subledger.projection.billing.BillingEvents.MAY_1;
import static org.subledger.projection.billing.BillingEvents.T0;
import static org.subledger.projection.billing.BillingEvents.bill;
import static org.subledger.projection.billing.BillingEvents.billed;
import static org.subledger.projection.billing.BillingEvents.eur;
import static org.subledger.projection.billing.BillingEvents.event;
import static org.subledger.projection.billing.BillingEvents.failure;
import static org.subledger.projection.billing.BillingEvents.usage;

/**
 * The billing projections on the real wiring: events appended to the JDBC event store on an embedded PostgreSQL,
 * delivered by the {@code billing-projections} pooled streaming processor.
 */
class BillingProjectionsTest extends ProjectionWiringTest {

    private static final String PROCESSOR = BillingProjectionsConfiguration.PROCESSING_GROUP;

    @Autowired
    ProcessorReplays replays;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void storesABillWithItsLinesAndTheExplanationOfEachAmount() {
        String id = UUID.randomUUID().toString();
        eventStore.publish(event("Bill", "BILL-" + id, 0, bill("BILL-" + id, "N-" + id, "ACC-" + id, "SUB-" + id,
                null)));

        awaitRows("bill where bill_id = 'BILL-" + id + "'", 1);
        var bill = jdbc.queryForMap("select * from bill where bill_id = ?", "BILL-" + id);
        assertThat(bill).containsEntry("bill_number", "N-" + id).containsEntry("account_id", "ACC-" + id)
                .containsEntry("subscription_id", "SUB-" + id).containsEntry("run_id", null)
                .containsEntry("kind", "USAGE").containsEntry("issued_on", Date.valueOf(APRIL_1))
                .containsEntry("period_from", Date.valueOf(APRIL_1)).containsEntry("period_to", Date.valueOf(MAY_1))
                .containsEntry("currency", "EUR").containsEntry("due_date", Date.valueOf(APRIL_1.plusDays(14)))
                .containsEntry("line_count", 2).containsEntry("issued_at", Timestamp.from(T0))
                .containsEntry("version", 0L);
        assertThat((BigDecimal) bill.get("total")).isEqualByComparingTo("25.20");
        assertThat((BigDecimal) bill.get("tax_total")).isEqualByComparingTo("4.02");

        var lines = jdbc.queryForList("""
                select line_no, kind, product_code, description, period_from, period_to, quantity, amount, tax_amount,
                       tax_rate_percent, currency, reference, explanation ->> 'pricePlanCode' as price_plan,
                       explanation -> 'periodAmount' ->> 'amount' as period_amount,
                       explanation -> 'tiers' -> 0 ->> 'level' as first_tier, explanation ->> 'daysCharged' as days
                from bill_line where bill_id = ? order by line_no""", "BILL-" + id);
        assertThat(lines).extracting(line -> line.get("kind")).containsExactly("RECURRING", "USAGE");
        assertThat(lines).extracting(line -> line.get("reference")).containsExactly(null, "UDR-1");
        assertThat(lines).extracting(line -> ((BigDecimal) line.get("amount")).toPlainString())
                .containsExactly("24.0000", "1.2000");
        assertThat(lines.get(0)).containsEntry("product_code", "GOLD")
                .containsEntry("description", "Gold package April 2026")
                .containsEntry("period_from", Date.valueOf(APRIL_1)).containsEntry("period_to", Date.valueOf(MAY_1))
                .containsEntry("quantity", 1L).containsEntry("currency", "EUR")
                .containsEntry("price_plan", "STANDARD").containsEntry("period_amount", "24.00")
                .containsEntry("first_tier", "base").containsEntry("days", "30");
        assertThat((BigDecimal) lines.get(0).get("tax_rate_percent")).isEqualByComparingTo("19");
        assertThat(lines.get(1)).containsEntry("price_plan", null).containsEntry("quantity", 3L);
    }

    @Test
    void aSubscriptionsDiscountLinesAreItsDiscountApplicationsAndAJobsAreNot() {
        String id = UUID.randomUUID().toString();
        var fee = new BillLine(1, BillLineKind.RECURRING, "GOLD", "Gold package April 2026", APRIL_1, MAY_1, 1,
                eur("24.00"), eur("3.83"), new BigDecimal("19"), null, null);
        var discount = new BillLine(2, BillLineKind.DISCOUNT, "LOYALTY",
                "Discount LOYALTY: 10 % at level 1 (application 2)", APRIL_1, MAY_1, 1, eur("-2.40"),
                eur("-0.38"), new BigDecimal("19"), "auto:LOYALTY",
                new LineExplanation(null, "PERCENTAGE", null, 1, List.of(), eur("2.40"), null, null, null, null, null,
                        List.of("definition LOYALTY", "value 10 % at level 1", "lines 1 GOLD", "criteria none",
                                DiscountLineFacts.application(2, " of 3 per year"))));
        eventStore.publish(
                event("Bill", "BILL-" + id, 0, new BillIssued("BILL-" + id, "N-" + id, "ACC-" + id, "SUB-" + id,
                        null, BillKind.RUN, APRIL_1, APRIL_1, MAY_1, List.of(fee, discount), eur("21.60"),
                        eur("3.45"), APRIL_1.plusDays(14))),
                // a job's bill (no subscription): its discount is the job's, not a subscription's application
                event("Bill", "JOB-BILL-" + id, 0, new BillIssued("JOB-BILL-" + id, "J-" + id, "ACC-" + id, null,
                        null, BillKind.JOB, APRIL_1, APRIL_1, APRIL_1, List.of(fee, discount), eur("21.60"),
                        eur("3.45"), APRIL_1.plusDays(14))));

        awaitRows("bill where bill_id in ('BILL-" + id + "', 'JOB-BILL-" + id + "')", 2);
        assertThat(jdbc.queryForList("select bill_id || ' ' || line_no || ' ' || coalesce(application_number, 0)"
                        + " from bill_line where bill_id in (?, ?) order by bill_id, line_no", String.class,
                "BILL-" + id, "JOB-BILL-" + id))
                .containsExactly("BILL-" + id + " 1 0", "BILL-" + id + " 2 2", "JOB-BILL-" + id + " 1 0",
                        "JOB-BILL-" + id + " 2 0");
        assertThat(jdbc.queryForList("""
                        select subscription_id || ' ' || discount_id || ' ' || definition_code || ' ' || bill_id || ' '
                            || period_start || ' ' || period_end || ' ' || amount || ' ' || currency || ' '
                            || application_number
                        from reporting.discount_applications where bill_id in (?, ?)""", String.class,
                "BILL-" + id, "JOB-BILL-" + id))
                .containsExactly("SUB-" + id + " auto:LOYALTY LOYALTY BILL-" + id
                        + " 2026-04-01 2026-05-01 2.4000 EUR 2");
        assertThat(jdbc.queryForObject("select applied_at from reporting.discount_applications where bill_id = ?",
                Timestamp.class, "BILL-" + id)).isEqualTo(Timestamp.from(T0));
    }

    @Test
    void storesEveryCharacterOfALinesTextAsTheEventHasIt() {
        // the lines are copied in COPY's text format: what it escapes, and what looks like its markers, come back as is
        String id = UUID.randomUUID().toString();
        String text = "tab\there, new\nline, return\r, back\\slash, \\N, \\., \"quoted\" 'single' ; é € 漢 🎬 \u007f";
        var odd = new BillLine(1, BillLineKind.ONE_OFF, null, text, null, null, 0, eur("0.00"), eur("0.00"), null,
                text, new LineExplanation(null, null, null, 1, List.of(), eur("0.00"), null, null, null, null, null,
                List.of(text)));
        var plain = new BillLine(2, BillLineKind.ONE_OFF, "STB", "", APRIL_1, APRIL_1, 1, eur("1234567.89"),
                eur("-0.01"), new BigDecimal("7.5000"), null, null);
        eventStore.publish(event("Bill", "BILL-" + id, 0, new BillIssued("BILL-" + id, "N-" + id, "ACC-" + id,
                "SUB-" + id, null, BillKind.EVENT_CHARGE, APRIL_1, APRIL_1, APRIL_1, List.of(odd, plain),
                eur("1234567.89"), eur("-0.01"), APRIL_1)));

        awaitRows("bill where bill_id = 'BILL-" + id + "'", 1);
        var lines = jdbc.queryForList("""
                select line_no, product_code, description, period_from, quantity, amount, tax_amount, tax_rate_percent,
                       reference, explanation -> 'discounts' ->> 0 as note, subscription_id, application_number
                from bill_line where bill_id = ? order by line_no""", "BILL-" + id);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).containsEntry("product_code", null).containsEntry("description", text)
                .containsEntry("period_from", null).containsEntry("quantity", 0L).containsEntry("reference", text)
                .containsEntry("note", text).containsEntry("tax_rate_percent", null)
                .containsEntry("subscription_id", "SUB-" + id).containsEntry("application_number", null);
        assertThat(lines.get(1)).containsEntry("product_code", "STB").containsEntry("description", "")
                .containsEntry("period_from", Date.valueOf(APRIL_1)).containsEntry("quantity", 1L);
        assertThat(((BigDecimal) lines.get(1).get("amount")).toPlainString()).isEqualTo("1234567.8900");
        assertThat(((BigDecimal) lines.get(1).get("tax_amount")).toPlainString()).isEqualTo("-0.0100");
        assertThat(((BigDecimal) lines.get(1).get("tax_rate_percent")).toPlainString()).isEqualTo("7.5000");
    }

    @Test
    void countsABillRunsBillsAndFailuresWhileItRunsAndTakesItsOwnCountsWhenItCompletes() {
        String run = "RUN-" + UUID.randomUUID();
        var events = new ArrayList<DomainEventMessage<?>>();
        events.add(event("BillRun", run, 0, new BillRunStarted(run, APRIL_1, BillingFrequency.MONTHLY, "GOLD"))
                .andMetaData(Map.of(LedgerMetadata.PRINCIPAL, "billing")));
        events.add(event("BillRun", run, 1, new BillRunCandidatesSelected(run, 6)));
        events.addAll(bills(run, 3));
        events.add(event("Subscription", "SUB-F-" + run, 7, failure("SUB-F-" + run, run)));
        eventStore.publish(events);

        await("3 bills and a failure of " + run, () -> runRow(run).get("billed").equals(3L)
                && runRow(run).get("failed").equals(1L));
        assertThat(runRow(run)).containsEntry("status", "STARTED").containsEntry("billing_date", Date.valueOf(APRIL_1))
                .containsEntry("billing_frequency", "MONTHLY").containsEntry("subscription_type_code", "GOLD")
                .containsEntry("subscriptions_total", 6L).containsEntry("skipped", null)
                .containsEntry("started_at", Timestamp.from(T0)).containsEntry("started_by", "billing")
                .containsEntry("completed_at", null).containsEntry("version", 1L);
        assertThat(jdbc.queryForMap("select * from bill_run_failure where run_id = ?", run))
                .containsEntry("subscription_id", "SUB-F-" + run).containsEntry("event_sequence", 7L)
                .containsEntry("error_code", "NO_RATE").containsEntry("billing_date", Date.valueOf(APRIL_1));

        eventStore.publish(event("BillRun", run, 2, new BillRunCompleted(run, 6, 3, 2, 1)));
        await(run + " completed", () -> runRow(run).get("status").equals("COMPLETED"));
        assertThat(runRow(run)).containsEntry("billed", 3L).containsEntry("failed", 1L)
                .containsEntry("skipped", 2L).containsEntry("completed_at", Timestamp.from(T0.plusSeconds(2)))
                .containsEntry("version", 2L);
    }

    @Test
    void countsEveryBillOfALargeRunWrittenByBothSegmentsAtOnce() {
        String run = "RUN-" + UUID.randomUUID();
        var events = new ArrayList<DomainEventMessage<?>>();
        events.add(event("BillRun", run, 0, new BillRunStarted(run, APRIL_1, null, null)));
        events.addAll(bills(run, 3_000));
        for (int i = 0; i < 20; i++) {
            events.add(event("Subscription", "SUB-F" + i + "-" + run, 0, failure("SUB-F" + i + "-" + run, run)));
        }
        eventStore.publish(events);

        await("3,000 bills and 20 failures of " + run, () -> runRow(run).get("billed").equals(3_000L)
                && runRow(run).get("failed").equals(20L));
        assertThat(jdbc.queryForObject("select count(*) from bill_line l join bill b using (bill_id)"
                + " where b.run_id = ?", Long.class, run)).isEqualTo(6_000L);
    }

    @Test
    void countsBillsProjectedBeforeTheirRunsStart() {
        String run = "RUN-" + UUID.randomUUID();
        eventStore.publish(bills(run, 2));
        await("2 bills of " + run, () -> jdbc.queryForList("select billed from bill_run where run_id = ?",
                Long.class, run).equals(List.of(2L)));
        assertThat(runRow(run)).containsEntry("billing_date", null).containsEntry("version", -1L);

        eventStore.publish(event("BillRun", run, 0, new BillRunStarted(run, APRIL_1, null, null)));
        await(run + " started", () -> runRow(run).get("version").equals(0L));
        assertThat(runRow(run)).containsEntry("billed", 2L).containsEntry("status", "STARTED")
                .containsEntry("billing_date", Date.valueOf(APRIL_1)).containsEntry("billing_frequency", null);
    }

    @Test
    void keepsUsageUnbilledUntilABillListsIt() {
        String sub = "SUB-" + UUID.randomUUID();
        eventStore.publish(List.of(event("Subscription", sub, 0, usage(sub, "UDR-1", "1.20")),
                event("Subscription", sub, 1, usage(sub, "UDR-2", "0.80")),
                event("Subscription", sub, 2, usage(sub, "UDR-3", "2.00")),
                event("Subscription", sub, 3, billed(sub, "BILL-" + sub, List.of("UDR-1", "UDR-3"))),
                event("Subscription", sub, 4, usage(sub, "UDR-4", "0.40"))));

        await("the unbilled usage of " + sub, () -> recordIds(sub).equals(List.of("UDR-2", "UDR-4")));
        var row = jdbc.queryForMap("select * from unbilled_usage where record_id = 'UDR-2' and subscription_id = ?",
                sub);
        assertThat(row).containsEntry("account_id", "ACC-" + sub).containsEntry("product_code", "CALLS")
                .containsEntry("used_at", Timestamp.valueOf("2026-03-14 18:02:00")).containsEntry("currency", "EUR")
                .containsEntry("recorded_on", Date.valueOf("2026-03-14"));
        assertThat((BigDecimal) row.get("amount")).isEqualByComparingTo("0.80");

        eventStore.publish(event("Subscription", sub, 5, billed(sub, "BILL-2-" + sub, List.of("UDR-2", "UDR-4"))));
        await("no unbilled usage of " + sub, () -> recordIds(sub).isEmpty());
    }

    /**
     * A mediation batch's records are not this read model's (their unbilled usage is billing's rows, V3_1050): a bill
     * listing them with streamed records takes the streamed ones away and leaves nothing behind for the others.
     */
    @Test
    void aBillListingBatchRecordsTakesOnlyItsStreamedRecordsAway() {
        String sub = "SUB-" + UUID.randomUUID();
        eventStore.publish(List.of(event("Subscription", sub, 0, usage(sub, "UDR-1", "1.20")),
                event("Subscription", sub, 1, usage(sub, "UDR-2", "0.80"))));
        await("the streamed records", () -> recordIds(sub).equals(List.of("UDR-1", "UDR-2")));

        eventStore.publish(GenericEventMessage.asEventMessage(new UsageBatchRecorded("BATCH-" + sub,
                List.of(usage(sub, "UDR-B1", "1.00")))));
        eventStore.publish(event("Subscription", sub, 2, billed(sub, "BILL-" + sub, List.of("UDR-1", "UDR-B1"))));

        await("the billed streamed record gone", () -> recordIds(sub).equals(List.of("UDR-2")));
        eventStore.publish(event("Subscription", sub, 3, usage(sub, "UDR-B1", "9.99")));
        // a record with the batch record's id on the stream enters: no mark of the bill stayed to stop it
        await("the stream's record after the bill", () -> recordIds(sub).equals(List.of("UDR-2", "UDR-B1")));
    }

    @Test
    void aRedeliveredHistoryChangesNothingAndAReplayRebuildsTheSameRows() {
        String run = "RUN-" + UUID.randomUUID();
        String sub = "SUB-" + UUID.randomUUID();
        var events = new ArrayList<DomainEventMessage<?>>();
        events.add(event("BillRun", run, 0, new BillRunStarted(run, APRIL_1, null, null)));
        events.addAll(bills(run, 2));
        events.add(event("Subscription", sub, 0, usage(sub, "UDR-1", "1.20")));
        events.add(event("Subscription", sub, 1, usage(sub, "UDR-2", "0.80")));
        events.add(event("Subscription", sub, 2, failure(sub, run)));
        events.add(event("Subscription", sub, 3, billed(sub, "BILL-" + sub, List.of("UDR-1"))));
        eventStore.publish(events);
        await("the run's counts", () -> runRow(run).get("billed").equals(2L) && runRow(run).get("failed").equals(1L));
        await("the unbilled usage of " + sub, () -> recordIds(sub).equals(List.of("UDR-2")));
        var before = rows(run, sub, true);

        replays.redeliverEverything(PROCESSOR);
        assertThat(rows(run, sub, true)).isEqualTo(before);

        var contentBefore = rows(run, sub, false);
        var processor = replays.processor(PROCESSOR);
        processor.shutDown();
        processor.resetTokens();
        assertThat(jdbc.queryForObject("select count(*) from bill_run", Long.class)).isZero();
        processor.start();
        await("the run's counts again", () -> jdbc.queryForList("select billed + failed from bill_run"
                + " where run_id = ?", Long.class, run).equals(List.of(3L)));
        await("the unbilled usage again", () -> recordIds(sub).equals(List.of("UDR-2")));
        assertThat(rows(run, sub, false)).isEqualTo(contentBefore);
    }

    @Test
    void storesACreditNoteWithTheBillItCorrects() {
        var note = new CreditNoteIssued("CN-ID-1", "CN-2026-000001", "BILL-CN", "2026-000042", "ACC-CN",
                LocalDate.of(2026, 3, 10), Money.of("2.00", "EUR"), Money.of("0.32", "EUR"), "goodwill");
        eventStore.publish(event("Bill", "BILL-CN", 1, note));

        awaitRows("credit_note where bill_id = 'BILL-CN'", 1);
        var row = jdbc.queryForMap("select * from credit_note where credit_note_id = 'CN-ID-1'");
        assertThat(row).containsEntry("credit_note_number", "CN-2026-000001").containsEntry("bill_number",
                "2026-000042").containsEntry("account_id", "ACC-CN").containsEntry("currency", "EUR")
                .containsEntry("reason", "goodwill");
        assertThat((BigDecimal) row.get("amount")).isEqualByComparingTo("2.00");
        assertThat((BigDecimal) row.get("tax_amount")).isEqualByComparingTo("0.32");
    }

    @Test
    void documentsEveryColumnForReportingTools() {
        assertThat(jdbc.queryForList("""
                select c.table_name || '.' || c.column_name
                from information_schema.columns c
                join pg_class t on t.relname = c.table_name and t.relnamespace = c.table_schema::regnamespace
                where c.table_name in ('bill', 'bill_line', 'bill_run', 'bill_run_failure', 'unbilled_usage',
                                       'credit_note')
                  and col_description(t.oid, c.ordinal_position) is null""", String.class)).isEmpty();
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    /** {@code count} bills of the run, each the first event of its own stream. */
    private static List<DomainEventMessage<?>> bills(String run, int count) {
        var bills = new ArrayList<DomainEventMessage<?>>();
        for (int i = 1; i <= count; i++) {
            String billId = "BILL-" + i + "-" + run;
            bills.add(event("Bill", billId, 0, bill(billId, i + "-" + run, "ACC-" + i, "SUB-" + i + "-" + run, run)));
        }
        return bills;
    }

    private Map<String, Object> runRow(String run) {
        var rows = jdbc.queryForList("select * from bill_run where run_id = ?", run);
        return rows.isEmpty() ? Map.of("billed", -1L, "failed", -1L, "status", "", "version", -2L) : rows.get(0);
    }

    private List<String> recordIds(String sub) {
        return jdbc.queryForList("select record_id from unbilled_usage where subscription_id = ? order by record_id",
                String.class, sub);
    }

    private void awaitRows(String tableAndCondition, long count) {
        await(count + " rows in " + tableAndCondition, () -> jdbc.queryForObject(
                "select count(*) from " + tableAndCondition, Long.class) == count);
    }

    /** The rows the events above wrote; with {@code xmin}, which changes with every write of a row. */
    private List<Map<String, Object>> rows(String run, String sub, boolean withWriter) {
        String writer = withWriter ? ", xmin::text as written_by" : "";
        var rows = new ArrayList<Map<String, Object>>();
        rows.addAll(jdbc.queryForList("select *" + writer + " from bill_run where run_id = ?", run));
        rows.addAll(jdbc.queryForList("select *" + writer + " from bill where run_id = ? order by bill_id", run));
        rows.addAll(jdbc.queryForList("select l.*, l.explanation::text as explanation_text" + writer.replace("xmin",
                "l.xmin") + " from bill_line l join bill b using (bill_id) where b.run_id = ?"
                + " order by bill_id, line_no", run));
        rows.addAll(jdbc.queryForList("select *" + writer + " from bill_run_failure where run_id = ?", run));
        rows.addAll(jdbc.queryForList("select *" + writer + " from unbilled_usage where subscription_id = ?"
                + " order by record_id", sub));
        rows.forEach(row -> row.remove("explanation")); // PGobject: compared as text above
        return rows;
    }
}
