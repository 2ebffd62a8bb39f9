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
 */
@Component
@ProcessingGroup(ReceivablesProjection.PROCESSING_GROUP)
class ReceivablesProjection {

    static final String PROCESSING_GROUP = "receivable-open-items";

    private static final String INSERT = """
            insert into receivable_open_item (account_id, item_id, posting_id, entry_type, posted_at, due_date, amount,
                                              open_amount, currency)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (account_id, item_id) do nothing""";
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

    private record Writes(List<Opened> opened, List<Settled> settled) {
        Writes() {
            this(new ArrayList<>(), new ArrayList<>());
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
