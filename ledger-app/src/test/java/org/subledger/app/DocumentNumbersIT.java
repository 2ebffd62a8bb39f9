package org.subledger.app;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.subledger.kernel.billing.CreditNoteIssued;
import org.subledger.kernel.billing.IssueCreditNote;
import org.subledger.kernel.billing.IssueEventChargeBill;
import org.subledger.kernel.money.Money;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Currency;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bills issued outside the bill run (an event charge's) and credit notes are numbered in the transaction that writes
 * them, and that transaction is their own, also when a saga asks for them inside its batch of events: the number is
 * used if and only if the document is written. Here the caller is a unit of work holding its own transaction and
 * connection, as a saga's batch does, and it is rolled back after asking, as a batch is when a node stops or a later
 * event fails. The document is committed before the caller goes on (another connection reads it while the caller's
 * batch is still open: it holds nothing a bill run's segment could wait for), it outlives the rollback, and the
 * year's numbers taken are exactly the documents written: no gap.
 */
class DocumentNumbersIT extends LedgerIT {

    @Autowired
    CommandGateway commands;
    @Autowired
    TransactionManager axonTransactions;
    @Autowired
    ConnectionProvider connections;

    @Test
    void anEventChargeBillAskedForInsideABatchThatRollsBackKeepsItsBillAndItsNumber() {
        String accountId = api.openAccount("Own", "Transaction", "100.00");
        String chargeId = "event-charge:" + UUID.randomUUID() + ":fee:once";
        String billId = insideABatchThatRollsBack(() -> {
            String issued = commands.sendAndWait(new IssueEventChargeBill(chargeId, accountId, null, null,
                    "Start-up fee", Money.of("5.00", "EUR"), LocalDate.now(ledgerClock), null, null));
            assertThat(elsewhere(() -> eventsOf(issued))).as("the bill committed while the caller's batch is open")
                    .isEqualTo(1);
            return issued;
        });

        assertThat(eventsOf(billId)).as("the bill after the caller's rollback").isEqualTo(1);
        String number = jdbc.queryForObject("select payload::jsonb ->> 'billNumber' from domain_event_entry"
                + " where aggregate_identifier = ? and payload_type like '%BillIssued'", String.class, billId);
        assertThat(number).matches("\\d{4}-\\d{6}");
        assertNoGap("bill_number_series", "%BillIssued", "billNumber", "");
        // asked again (the batch redelivered): the same bill, nothing new
        assertThat((String) commands.sendAndWait(new IssueEventChargeBill(chargeId, accountId, null, null,
                "Start-up fee", Money.of("5.00", "EUR"), LocalDate.now(ledgerClock), null, null))).isEqualTo(billId);
        assertThat(eventsOf(billId)).isEqualTo(1);
    }

    @Test
    void aCreditNoteAskedForInsideABatchThatRollsBackKeepsItsNoteAndItsNumber() {
        String accountId = api.openAccount("Own", "Credit", "100.00");
        String billId = commands.sendAndWait(new IssueEventChargeBill("event-charge:" + UUID.randomUUID() + ":x:once",
                accountId, null, null, "Installation", Money.of("10.00", "EUR"), LocalDate.now(ledgerClock), null,
                null));
        String creditNoteId = UUID.randomUUID().toString();
        CreditNoteIssued issued = insideABatchThatRollsBack(() -> {
            CreditNoteIssued note = commands.sendAndWait(new IssueCreditNote(creditNoteId, billId,
                    new BigDecimal("4.00"), Currency.getInstance("EUR"), "goodwill"));
            assertThat(elsewhere(() -> eventsOf(billId))).as("the credit note committed while the caller's batch is open")
                    .isEqualTo(2);
            return note;
        });

        assertThat(eventsOf(billId)).as("the bill and its credit note after the caller's rollback").isEqualTo(2);
        assertThat(issued.creditNoteNumber()).matches("CN-\\d{4}-\\d{6}");
        assertNoGap("credit_note_number_series", "%CreditNoteIssued", "creditNoteNumber", "CN-");
    }

    /** {@code work} inside a unit of work with a transaction and a connection, as a saga's batch; then rolled back. */
    private <T> T insideABatchThatRollsBack(Supplier<T> work) {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        try {
            batch.attachTransaction(axonTransactions);
            connections.getConnection(); // the batch's connection, taken first as a saga's token and state are read
            return work.get();
        } catch (SQLException failure) {
            throw new IllegalStateException(failure);
        } finally {
            batch.rollback();
        }
    }

    /** Read on another thread: on another connection than the caller's batch, so only what is committed. */
    private static <T> T elsewhere(Supplier<T> read) {
        return CompletableFuture.supplyAsync(read).join();
    }

    private long eventsOf(String aggregateId) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, aggregateId);
    }

    /**
     * Every year's series: its last number taken is the count of the documents written with a number of that year.
     * One statement, one snapshot: a document and its number commit together, so a writer still busy shows neither.
     */
    private void assertNoGap(String series, String payloadType, String numberField, String prefix) {
        var years = jdbc.queryForList("""
                select s.series_year, s.last_number, (select count(distinct e.payload::jsonb ->> '%2$s')
                    from domain_event_entry e where e.payload_type like ?
                    and e.payload::jsonb ->> '%2$s' like ? || s.series_year || '-%%') as written
                from %1$s s""".formatted(series, numberField), payloadType, prefix);
        assertThat(years).isNotEmpty().allSatisfy(year -> assertThat(((Number) year.get("written")).longValue())
                .as("numbers written in " + year.get("series_year")).isEqualTo(((Number) year.get("last_number"))
                        .longValue()));
    }
}
