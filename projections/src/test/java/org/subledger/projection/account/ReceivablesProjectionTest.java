package org.subledger.projection.account;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.subledger.kernel.account.ReceivableAllocated;
import org.subledger.kernel.billing.BillIssued;
import org.subledger.kernel.billing.BillKind;
import org.subledger.kernel.billing.BillPosted;
import org.subledger.projection.ProjectionWiringTest;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.projection.ProcessorReplays.await;
import static org.subledger.projection.account.AccountHistoryFixture.START;
import static org.subledger.projection.account.AccountHistoryFixture.eur;
import static org.subledger.projection.account.AccountHistoryFixture.newAccount;

/**
 * The open items on the real wiring: a bill's subscription, which only its {@code BillIssued} names, reaches the item
 * its {@code BillPosted} opens, whichever of the two the projection meets first.
 */
class ReceivablesProjectionTest extends ProjectionWiringTest {

    private static final LocalDate DUE = LocalDate.of(2026, 3, 15);

    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aBillIssuedBeforeItIsPostedOpensAnItemOfItsSubscription() {
        var account = newAccount().opened();
        String billId = "BILL-" + UUID.randomUUID();
        eventStore.publish(List.of(issued(billId, account.accountId, "SUB-1", "30.00")));
        account.then(posted(account, billId, "30.00", "30.00")).paid("10.00", "20.00")
                .then(new ReceivableAllocated(account.accountId, "P-2", billId, eur("10.00"), eur("20.00")));
        eventStore.publish(account.unpublished());

        awaitItem(account.accountId, billId, "20.00");
        // the bill's stream (the subscription) and the account's (the amounts) reach the row in either order
        await("the item's subscription", () -> "SUB-1".equals(jdbc.queryForObject("""
                select subscription_id from receivable_open_item where account_id = ? and item_id = ?""",
                String.class, account.accountId, billId)));
        Map<String, Object> item = item(account.accountId, billId);

        assertThat(item).containsEntry("subscription_id", "SUB-1").containsEntry("entry_type", "BILL")
                .containsEntry("posting_id", "bill:" + billId).containsEntry("due_date", Date.valueOf(DUE));
        assertThat((BigDecimal) item.get("amount")).isEqualByComparingTo("30.00");
        // dated by its posting (a minute after the issue here), not by the issue that opened the row
        assertThat(((java.sql.Timestamp) item.get("posted_at")).toInstant())
                .isEqualTo(AccountHistoryFixture.timeOf(1));
    }

    @Test
    void aBillPostedBeforeItsIssueIsSeenGetsItsSubscriptionAndKeepsWhatWasAllocated() {
        var account = newAccount().opened();
        String billId = "BILL-" + UUID.randomUUID();
        account.then(posted(account, billId, "30.00", "30.00")).paid("30.00", "0.00")
                .then(new ReceivableAllocated(account.accountId, "P-2", billId, eur("30.00"), eur("0.00")));
        eventStore.publish(account.unpublished());
        awaitItem(account.accountId, billId, "0.00");

        eventStore.publish(List.of(issued(billId, account.accountId, "SUB-2", "30.00")));

        await("the item's subscription", () -> "SUB-2".equals(jdbc.queryForObject("""
                select subscription_id from receivable_open_item where account_id = ? and item_id = ?""",
                String.class, account.accountId, billId)));
        assertThat((BigDecimal) item(account.accountId, billId).get("open_amount")).isEqualByComparingTo("0.00");
    }

    /**
     * A bill per account: its sections owe what the bill leaves open, settled in section order ({@code SectionsOpen});
     * a part payment of the bill leaves the first section paid and the second owing what is left.
     */
    @Test
    void aPartPaymentOfABillPerAccountSettlesItsFirstSectionFirst() {
        var account = newAccount().opened();
        String billId = "BILL-" + UUID.randomUUID();
        var bill = new BillIssued(billId, "2026-" + billId, account.accountId, null, "RUN-1", BillKind.RUN,
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1), List.of(),
                eur("42.34"), eur("0.00"), DUE, List.of(
                section("SUB-A", 1, "30.00"), section("SUB-B", 2, "12.34")));
        eventStore.publish(List.of(new GenericDomainEventMessage<>("Bill", billId, 0, bill, MetaData.emptyInstance(),
                UUID.randomUUID().toString(), START)));
        account.then(posted(account, billId, "42.34", "42.34"));
        eventStore.publish(account.unpublished());
        await("both sections owing", () -> sectionsOpen(account.accountId, billId).equals(List.of(
                new BigDecimal("30.0000"), new BigDecimal("12.3400"))));

        account.paid("35.00", "7.34")
                .then(new ReceivableAllocated(account.accountId, "P-2", billId, eur("35.00"), eur("7.34")));
        eventStore.publish(account.unpublished());

        awaitItem(account.accountId, billId, "7.34");
        await("the first section paid, the second owing the rest", () -> sectionsOpen(account.accountId, billId)
                .equals(List.of(new BigDecimal("0.0000"), new BigDecimal("7.3400"))));
        assertThat(jdbc.queryForList("""
                select subscription_id from receivable_open_item_section where account_id = ? and item_id = ?
                order by section_no""", String.class, account.accountId, billId)).containsExactly("SUB-A", "SUB-B");
    }

    private static org.subledger.kernel.billing.BillSection section(String subscriptionId, int lineNo, String total) {
        return new org.subledger.kernel.billing.BillSection(subscriptionId, LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 4, 1), lineNo, lineNo, eur(total), eur("0.00"));
    }

    private List<BigDecimal> sectionsOpen(String accountId, String itemId) {
        return jdbc.queryForList("""
                select open_amount from receivable_open_item_section where account_id = ? and item_id = ?
                order by section_no""", BigDecimal.class, accountId, itemId).stream()
                .map(amount -> amount.setScale(4)).toList();
    }

    private static BillPosted posted(AccountHistoryFixture account, String billId,
                                     String total, String balanceAfter) {
        return new BillPosted(account.accountId, "bill:" + billId, billId,
                "2026-" + billId, eur(total), eur("0.00"), "Bill", eur(balanceAfter), DUE);
    }

    private static GenericDomainEventMessage<BillIssued> issued(String billId, String accountId,
                                                                String subscriptionId, String total) {
        var bill = new BillIssued(billId, "2026-" + billId, accountId, subscriptionId, "RUN-1", BillKind.RUN,
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1), List.of(), eur(total),
                eur("0.00"), DUE);
        return new GenericDomainEventMessage<>("Bill", billId, 0, bill, MetaData.emptyInstance(),
                UUID.randomUUID().toString(), START);
    }

    private Map<String, Object> awaitItem(String accountId, String itemId, String open) {
        await("the item " + itemId + " open " + open, () -> {
            var rows = jdbc.queryForList("select open_amount from receivable_open_item where account_id = ?"
                    + " and item_id = ?", BigDecimal.class, accountId, itemId);
            return rows.size() == 1 && rows.get(0).compareTo(new BigDecimal(open)) == 0;
        });
        return item(accountId, itemId);
    }

    private Map<String, Object> item(String accountId, String itemId) {
        return jdbc.queryForMap("select * from receivable_open_item where account_id = ? and item_id = ?",
                accountId, itemId);
    }
}
