package org.subledger.projection.account;

import static org.subledger.projection.ProcessorReplays.await;
import org.subledger.projection.ProcessorReplays;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.subledger.projection.ProjectionWiringTest;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.kernel.account.AdjustmentDirection.CREDIT;
import static org.subledger.kernel.account.AdjustmentDirection.DEBIT;
import static org.subledger.projection.account.AccountHistoryFixture.newAccount;
import static org.subledger.projection.account.AccountHistoryFixture.timeOf;

/**
 * The account projections on the real wiring: events appended to the JDBC event store on an embedded PostgreSQL,
 * delivered by the pooled streaming processors, written by the handlers' batches.
 */
class AccountProjectionsTest extends ProjectionWiringTest {

    private static final List<String> PROCESSORS = List.of("account-summary", "account-statement");

    @Autowired
    ProcessorReplays replays;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    TokenStore tokenStore;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void foldsAWholeHistoryArrivingInOneBatchIntoOneSummaryRow() {
        var account = newAccount().opened().charged("30.00", "30.00").paid("10.00", "20.00")
                .creditLimitAmended("500.00", "800.00").creditRatingChanged("A", "AA")
                .reclassified("RESIDENTIAL", "VIP");
        publish(account.unpublished());

        awaitSummaryVersion(account.accountId, 5);
        assertAmendedSummary(account.accountId);
    }

    @Test
    void updatesOnlyTheColumnsLaterEventsChange() {
        var account = newAccount().opened();
        publish(account.unpublished());
        awaitSummaryVersion(account.accountId, 0);

        account.charged("30.00", "30.00").paid("10.00", "20.00").creditLimitAmended("500.00", "800.00");
        publish(account.unpublished());
        awaitSummaryVersion(account.accountId, 3);
        account.creditRatingChanged("A", "AA").reclassified("RESIDENTIAL", "VIP");
        publish(account.unpublished());

        awaitSummaryVersion(account.accountId, 5);
        assertAmendedSummary(account.accountId);
    }

    @Test
    void opensAnAccountSettledWithAZeroBalanceAndNoMovement() {
        var account = newAccount().opened();
        publish(account.unpublished());

        awaitSummaryVersion(account.accountId, 0);
        var row = summary(account.accountId);
        assertThat((BigDecimal) row.get("balance")).isEqualByComparingTo("0.00");
        assertThat(row).containsEntry("status", "SETTLED").containsEntry("closed", false)
                .containsEntry("last_movement_at", null).containsEntry("last_movement_type", null)
                .containsEntry("opened_at", Timestamp.from(timeOf(0)));
    }

    @Test
    void settlesWhenAPaymentClearsTheBalanceAndMarksTheClosing() {
        var account = newAccount().opened().charged("30.00", "30.00");
        publish(account.unpublished());
        awaitSummaryVersion(account.accountId, 1);
        assertThat(summary(account.accountId)).containsEntry("status", "UNSETTLED");

        account.paid("30.00", "0.00").closed();
        publish(account.unpublished());

        awaitSummaryVersion(account.accountId, 3);
        var row = summary(account.accountId);
        assertThat((BigDecimal) row.get("balance")).isEqualByComparingTo("0.00");
        assertThat(row).containsEntry("status", "SETTLED").containsEntry("closed", true)
                .containsEntry("last_movement_type", "PAYMENT")
                .containsEntry("last_movement_at", Timestamp.from(timeOf(2)));
    }

    @Test
    void writesOneStatementLinePerPostingWithItsSignedEffectAndRunningBalance() {
        var account = newAccount().opened().charged("30.00", "30.00").credited("5.00", "25.00")
                .creditRatingChanged("A", "B").paid("20.00", "5.00")
                .adjusted(DEBIT, "2.50", "7.50").adjusted(CREDIT, "1.00", "6.50");
        publish(account.unpublished());

        awaitStatementLines(account.accountId, 5);
        var lines = statement(account.accountId);
        assertThat(lines).extracting(line -> line.get("sequence_number"))
                .containsExactly(1L, 2L, 4L, 5L, 6L);
        assertThat(lines).extracting(line -> line.get("entry_type"))
                .containsExactly("CHARGE", "CREDIT", "PAYMENT", "ADJUSTMENT", "ADJUSTMENT");
        assertThat(lines).extracting(line -> ((BigDecimal) line.get("amount")).toPlainString())
                .containsExactly("30.0000", "5.0000", "20.0000", "2.5000", "1.0000");
        assertThat(lines).extracting(line -> ((BigDecimal) line.get("balance_effect")).toPlainString())
                .containsExactly("30.0000", "-5.0000", "-20.0000", "2.5000", "-1.0000");
        assertThat(lines).extracting(line -> ((BigDecimal) line.get("running_balance")).toPlainString())
                .containsExactly("30.0000", "25.0000", "5.0000", "7.5000", "6.5000");
        assertThat(lines).extracting(line -> line.get("reference"))
                .containsExactly("INV-1", "CN-2", "PAY-4", null, null);
        assertThat(lines.get(3)).containsEntry("narrative", "Correction of a rounding error")
                .containsEntry("posting_id", "P-5").containsEntry("currency", "EUR")
                .containsEntry("posted_at", Timestamp.from(timeOf(5)));
        assertThat(lines.get(0)).containsEntry("narrative", "Monthly fee");
    }

    @Test
    void postsABillAsADebitAndABillWhoseCreditsExceedItsChargesAsACredit() {
        var account = newAccount().opened().billed("45.00", "45.00").billed("-12.50", "32.50");
        publish(account.unpublished());

        awaitStatementLines(account.accountId, 2);
        var lines = statement(account.accountId);
        assertThat(lines).extracting(line -> line.get("entry_type")).containsExactly("BILL", "BILL");
        assertThat(lines).extracting(line -> line.get("reference")).containsExactly("2026-000001", "2026-000002");
        assertThat(lines).extracting(line -> line.get("posting_id")).containsExactly("bill:BILL-1", "bill:BILL-2");
        assertThat(lines).extracting(line -> ((BigDecimal) line.get("amount")).toPlainString())
                .containsExactly("45.0000", "12.5000");
        assertThat(lines).extracting(line -> ((BigDecimal) line.get("balance_effect")).toPlainString())
                .containsExactly("45.0000", "-12.5000");
        assertThat(lines).extracting(line -> ((BigDecimal) line.get("running_balance")).toPlainString())
                .containsExactly("45.0000", "32.5000");
        awaitSummaryVersion(account.accountId, 2);
        assertThat(summary(account.accountId)).containsEntry("last_movement_type", "BILL")
                .containsEntry("status", "UNSETTLED");
    }

    @Test
    void aRedeliveredHistoryChangesNothing() {
        var account = newAccount().opened().charged("30.00", "30.00").paid("10.00", "20.00").closed();
        publish(account.unpublished());
        awaitSummaryVersion(account.accountId, 3);
        awaitStatementLines(account.accountId, 2);
        // xmin changes with every write of a row, even one that writes the same values
        var summaryBefore = jdbc.queryForMap("select *, xmin::text as written_by from account_summary"
                + " where account_id = ?", account.accountId);
        var statementBefore = jdbc.queryForList("select *, xmin::text as written_by from account_statement_line"
                + " where account_id = ? order by sequence_number", account.accountId);

        PROCESSORS.forEach(replays::redeliverEverything);

        assertThat(jdbc.queryForMap("select *, xmin::text as written_by from account_summary where account_id = ?",
                account.accountId)).isEqualTo(summaryBefore);
        assertThat(jdbc.queryForList("select *, xmin::text as written_by from account_statement_line"
                + " where account_id = ? order by sequence_number", account.accountId)).isEqualTo(statementBefore);
    }

    @Test
    void aReplayClearsAndRebuildsTheSameReadModels() {
        var account = newAccount().opened().charged("30.00", "30.00").paid("10.00", "20.00")
                .creditLimitAmended("500.00", "700.00");
        publish(account.unpublished());
        awaitSummaryVersion(account.accountId, 3);
        awaitStatementLines(account.accountId, 2);
        var summaryBefore = summary(account.accountId);
        var statementBefore = statement(account.accountId);

        for (String name : PROCESSORS) {
            var processor = replays.processor(name);
            processor.shutDown();
            processor.resetTokens();
            assertThat(jdbc.queryForObject("select count(*) from " + tableOf(name), Long.class)).isZero();
            processor.start();
        }

        awaitSummaryVersion(account.accountId, 3);
        awaitStatementLines(account.accountId, 2);
        assertThat(summary(account.accountId)).isEqualTo(summaryBefore);
        assertThat(statement(account.accountId)).isEqualTo(statementBefore);
    }

    @Test
    void documentsEveryColumnForReportingTools() {
        var undocumented = jdbc.queryForList("""
                select c.table_name || '.' || c.column_name
                from information_schema.columns c
                join pg_class t on t.relname = c.table_name
                where c.table_name in ('account_summary', 'account_statement_line')
                  and col_description(t.oid, c.ordinal_position) is null""", String.class);

        assertThat(undocumented).isEmpty();
        assertThat(jdbc.queryForObject("select col_description('account_summary'::regclass, 6)", String.class))
                .isEqualTo("Current balance in the account's currency. Positive: the customer owes the operator; "
                        + "negative: the customer is in credit.");
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private void assertAmendedSummary(String accountId) {
        var row = summary(accountId);
        assertThat(row).containsEntry("account_id", accountId)
                .containsEntry("customer_type", "PERSON")
                .containsEntry("name", "Ada Lovelace")
                .containsEntry("currency", "EUR")
                .containsEntry("status", "UNSETTLED")
                .containsEntry("closed", false)
                .containsEntry("credit_rating", "AA")
                .containsEntry("classification", "VIP")
                .containsEntry("opened_by", "agent")
                .containsEntry("opened_at", Timestamp.from(timeOf(0)))
                .containsEntry("last_movement_at", Timestamp.from(timeOf(2)))
                .containsEntry("last_movement_type", "PAYMENT")
                .containsEntry("version", 5L);
        assertThat((BigDecimal) row.get("balance")).isEqualByComparingTo("20.00");
        assertThat((BigDecimal) row.get("credit_limit")).isEqualByComparingTo("800.00");
    }

    /** Appends in one transaction of the event store's own, which wakes up the processors once it commits. */
    private void publish(List<DomainEventMessage<?>> events) {
        eventStore.publish(events);
    }

    private Map<String, Object> summary(String accountId) {
        return jdbc.queryForMap("select * from account_summary where account_id = ?", accountId);
    }

    private List<Map<String, Object>> statement(String accountId) {
        return jdbc.queryForList("select * from account_statement_line where account_id = ? order by sequence_number",
                accountId);
    }

    private void awaitSummaryVersion(String accountId, long version) {
        await("summary of " + accountId + " at version " + version, () -> jdbc.queryForList(
                "select version from account_summary where account_id = ?", Long.class, accountId)
                .equals(List.of(version)));
    }

    private void awaitStatementLines(String accountId, long lines) {
        await(lines + " statement lines of " + accountId, () -> jdbc.queryForObject(
                "select count(*) from account_statement_line where account_id = ?", Long.class, accountId) == lines);
    }

    private static String tableOf(String processor) {
        return processor.equals("account-summary") ? "account_summary" : "account_statement_line";
    }

}
