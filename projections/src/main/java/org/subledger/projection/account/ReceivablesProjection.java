package org.subledger.projection.account;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.subledger.kernel.account.AccountPosting;
import org.subledger.kernel.account.OpenItem;
import org.subledger.kernel.account.ReceivableAllocated;
import org.subledger.kernel.account.Receivables;
import org.subledger.kernel.billing.BillIssued;
import org.subledger.projection.support.UnitOfWorkBuffer;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds {@code receivable_open_item}: a row per debit when it is posted (named and dated as the account's fold does
 * it, {@link Receivables#itemOpenedBy}), whose open amount each {@code ReceivableAllocated} sets to what it left. An
 * account's events arrive in stream order, and both writes are idempotent (an insert that finds the row does nothing,
 * an allocation sets the amount it recorded), so a redelivered event changes nothing. Writes of a batch go out as two
 * JDBC batches, the inserts first: an allocation always follows the posting of its item.
 *
 * <p>A bill's subscription is not in the account's stream: {@code BillIssued} (the bill's stream, written in the same
 * transaction just before the {@code BillPosted}) names it. Either event may come first into a batch or open the
 * row; each upserts only what it knows (the posting its date, the issue the subscription), so the order does not
 * matter and a per-subscription reader meets the bill with its subscription however the batches fall. A row the issue
 * opened carries the issue's instant until the posting comes and sets its own: the two events are stamped apart, and
 * the processor's segments deliver them in either order, so the item's date is the posting's whatever came first
 * (else a rebuild, whose batches fall otherwise, would differ from the live table).
 */
@Component
@ProcessingGroup(ReceivablesProjection.PROCESSING_GROUP)
class ReceivablesProjection {

    static final String PROCESSING_GROUP = "receivable-open-items";

    private static final String INSERT = """
            insert into receivable_open_item (account_id, item_id, posting_id, entry_type, posted_at, due_date, amount,
                                              open_amount, currency)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (account_id, item_id) do update set due_date = excluded.due_date,
                                                            posted_at = excluded.posted_at""";
    private static final String ISSUE = """
            insert into receivable_open_item (account_id, item_id, posting_id, entry_type, posted_at, due_date, amount,
                                              open_amount, currency, subscription_id)
            values (?, ?, ?, 'BILL', ?, ?, ?, ?, ?, ?)
            on conflict (account_id, item_id) do update set subscription_id = excluded.subscription_id""";
    private static final String SETTLE = """
            update receivable_open_item set open_amount = ? where account_id = ? and item_id = ?""";

    private final JdbcTemplate jdbc;
    private final UnitOfWorkBuffer<Writes> pending;

    ReceivablesProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.pending = new UnitOfWorkBuffer<>("receivable-open-items.pending", Writes::new, this::write);
    }

    private record Opened(String accountId, String postingId, EntryType type, Instant postedAt, OpenItem item) {
    }

    private record Settled(String accountId, String itemId, BigDecimal openAfter) {
    }

    private record Issued(BillIssued bill, Instant issuedAt) {
    }

    private record Writes(List<Issued> issued, List<Opened> opened, List<Settled> settled) {
        Writes() {
            this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }
    }

    @EventHandler
    void on(AccountPosting posting, @Timestamp Instant postedAt) {
        OpenItem item = Receivables.itemOpenedBy(posting, postedAt);
        if (item != null) {
            var opened = new Opened(posting.accountId(), posting.postingId(), EntryType.of(posting), postedAt, item);
            pending.add(writes -> writes.opened().add(opened));
        }
    }

    /** A bill of one subscription: the item its posting opens (the same one, see {@link Receivables#itemOpenedBy}). */
    @EventHandler
    void on(BillIssued bill, @Timestamp Instant issuedAt) {
        if (bill.subscriptionId() != null && bill.total().isPositive()) {
            var issued = new Issued(bill, issuedAt);
            pending.add(writes -> writes.issued().add(issued));
        }
    }

    @EventHandler
    void on(ReceivableAllocated allocated) {
        var settled = new Settled(allocated.accountId(), allocated.itemId(), allocated.openAfter().amount());
        pending.add(writes -> writes.settled().add(settled));
    }

    @ResetHandler
    void reset() {
        jdbc.execute("truncate table receivable_open_item");
    }

    private void write(Writes writes) {
        if (!writes.issued().isEmpty()) {
            jdbc.batchUpdate(ISSUE, writes.issued(), writes.issued().size(), (statement, issued) -> {
                BillIssued bill = issued.bill();
                statement.setString(1, bill.accountId());
                statement.setString(2, bill.billId());
                statement.setString(3, "bill:" + bill.billId());
                statement.setObject(4, issued.issuedAt().atOffset(ZoneOffset.UTC));
                statement.setDate(5, Date.valueOf(bill.dueDate()));
                statement.setBigDecimal(6, bill.total().amount());
                statement.setBigDecimal(7, bill.total().amount());
                statement.setString(8, bill.total().currency().getCurrencyCode());
                statement.setString(9, bill.subscriptionId());
            });
        }
        if (!writes.opened().isEmpty()) {
            jdbc.batchUpdate(INSERT, writes.opened(), writes.opened().size(), (statement, opened) -> {
                statement.setString(1, opened.accountId());
                statement.setString(2, opened.item().itemId());
                statement.setString(3, opened.postingId());
                statement.setString(4, opened.type().name());
                statement.setObject(5, opened.postedAt().atOffset(ZoneOffset.UTC));
                statement.setDate(6, Date.valueOf(opened.item().dueDate()));
                statement.setBigDecimal(7, opened.item().open().amount());
                statement.setBigDecimal(8, opened.item().open().amount());
                statement.setString(9, opened.item().open().currency().getCurrencyCode());
            });
        }
        if (!writes.settled().isEmpty()) {
            jdbc.batchUpdate(SETTLE, writes.settled(), writes.settled().size(), (statement, settled) -> {
                statement.setBigDecimal(1, settled.openAfter());
                statement.setString(2, settled.accountId());
                statement.setString(3, settled.itemId());
            });
        }
    }
}
