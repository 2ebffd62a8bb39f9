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
import org.subledger.kernel.account.SectionsOpen;
import org.subledger.kernel.billing.BillIssued;
import org.subledger.kernel.billing.BillSection;
import org.subledger.kernel.money.Money;
import org.subledger.projection.support.UnitOfWorkBuffer;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 *
 * <p>{@code receivable_open_item_section}: a row per section of a bill that opens an item (a bill per account has a
 * section per subscription), inserted from {@code BillIssued}; its open amount is the bill's open amount spread over
 * the sections by {@link SectionsOpen}, worked out again at the end of every batch for each bill whose issue or
 * allocation the batch wrote, from what the item's row then holds. So it is right whichever event came first.
 *
 * <p>The group is sequenced per account ({@link AccountProjectionsConfiguration}): a bill's issue (its own stream)
 * and its posting (the account's) are handled by one segment, in the order they were stored, so two segments never
 * write the same row (they did, and PostgreSQL aborted one of them as a deadlock under bill runs).
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
    private static final String SECTION = """
            insert into receivable_open_item_section (account_id, item_id, section_no, subscription_id, due_date,
                                                      subtotal, open_amount, currency)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (account_id, item_id, section_no) do nothing""";
    /**
     * One probe of the primary keys per item asked: the lateral subquery, kept apart by {@code offset 0}, is planned
     * per item, where an index scan is the cheaper plan as soon as the tables hold more than a page or two, analyzed
     * or not. As a plain join the plan depended on their statistics: a new ledger's first bill run, before
     * autovacuum's first analyze, got a hash join over a sequential scan of every section, for every batch (session
     * 17, docs/benchmarks.md).
     */
    private static final String SECTIONS_OF = """
            select s.account_id, s.item_id, s.section_no, s.subtotal, s.section_open, s.currency, s.open_amount
            from unnest(?::varchar[], ?::varchar[]) as k (account_id, item_id)
            cross join lateral (
                select s.account_id, s.item_id, s.section_no, s.subtotal, s.open_amount as section_open, s.currency,
                       o.open_amount
                from receivable_open_item_section s
                join receivable_open_item o on o.account_id = s.account_id and o.item_id = s.item_id
                where s.account_id = k.account_id and s.item_id = k.item_id
                offset 0) s
            order by s.account_id, s.item_id, s.section_no""";
    private static final String SECTION_OPEN = """
            update receivable_open_item_section set open_amount = ?
            where account_id = ? and item_id = ? and section_no = ?""";

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

    /**
     * A bill of one or more subscriptions: the item its posting opens (the same one, see
     * {@link Receivables#itemOpenedBy}), with its subscription when it has one, and its sections.
     */
    @EventHandler
    void on(BillIssued bill, @Timestamp Instant issuedAt) {
        if (!bill.sections().isEmpty() && bill.total().isPositive()) {
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
        jdbc.execute("truncate table receivable_open_item, receivable_open_item_section");
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
            List<Section> sections = new ArrayList<>();
            for (Issued issued : writes.issued()) {
                List<BillSection> billSections = issued.bill().sections();
                for (int i = 0; i < billSections.size(); i++) {
                    sections.add(new Section(issued.bill(), i + 1, billSections.get(i)));
                }
            }
            jdbc.batchUpdate(SECTION, sections, sections.size(), (statement, section) -> {
                BillIssued bill = section.bill();
                statement.setString(1, bill.accountId());
                statement.setString(2, bill.billId());
                statement.setInt(3, section.sectionNo());
                statement.setString(4, section.section().subscriptionId());
                statement.setDate(5, Date.valueOf(bill.dueDate()));
                statement.setBigDecimal(6, section.section().total().amount());
                // worked out below, with the item's open amount
                statement.setBigDecimal(7, BigDecimal.ZERO);
                statement.setString(8, section.section().total().currency().getCurrencyCode());
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
        spreadOverSections(writes);
    }

    private record Section(BillIssued bill, int sectionNo, BillSection section) {
    }

    private record SectionRow(String accountId, String itemId, int sectionNo, Money subtotal, Money open) {
    }

    /**
     * The sections of every bill this batch issued or allocated to, each set to its part of what the item's row now
     * leaves open ({@link SectionsOpen}); only the sections whose part changed are written.
     */
    private void spreadOverSections(Writes writes) {
        Set<List<String>> items = new LinkedHashSet<>();
        writes.issued().forEach(issued -> items.add(List.of(issued.bill().accountId(), issued.bill().billId())));
        writes.settled().forEach(settled -> items.add(List.of(settled.accountId(), settled.itemId())));
        if (items.isEmpty()) {
            return;
        }
        Object[] accountIds = items.stream().map(item -> item.get(0)).toArray();
        Object[] itemIds = items.stream().map(item -> item.get(1)).toArray();
        Map<List<String>, List<SectionRow>> sections = new LinkedHashMap<>();
        Map<List<String>, BigDecimal> itemOpen = new LinkedHashMap<>();
        jdbc.query(connection -> {
            var statement = connection.prepareStatement(SECTIONS_OF);
            statement.setArray(1, connection.createArrayOf("varchar", accountIds));
            statement.setArray(2, connection.createArrayOf("varchar", itemIds));
            return statement;
        }, rs -> {
            Currency currency = Currency.getInstance(rs.getString("currency").trim());
            List<String> key = List.of(rs.getString("account_id"), rs.getString("item_id"));
            sections.computeIfAbsent(key, k -> new ArrayList<>()).add(new SectionRow(key.get(0), key.get(1),
                    rs.getInt("section_no"), Money.of(rs.getBigDecimal("subtotal"), currency),
                    Money.of(rs.getBigDecimal("section_open"), currency)));
            itemOpen.put(key, rs.getBigDecimal("open_amount"));
        });
        List<SectionRow> changed = new ArrayList<>();
        sections.forEach((key, rows) -> {
            Currency currency = rows.get(0).subtotal().currency();
            List<Money> opens = SectionsOpen.of(rows.stream().map(SectionRow::subtotal).toList(),
                    Money.of(itemOpen.get(key), currency));
            for (int i = 0; i < rows.size(); i++) {
                SectionRow row = rows.get(i);
                if (!row.open().equals(opens.get(i))) {
                    changed.add(new SectionRow(row.accountId(), row.itemId(), row.sectionNo(), row.subtotal(),
                            opens.get(i)));
                }
            }
        });
        jdbc.batchUpdate(SECTION_OPEN, changed, changed.size(), (statement, row) -> {
            statement.setBigDecimal(1, row.open().amount());
            statement.setString(2, row.accountId());
            statement.setString(3, row.itemId());
            statement.setInt(4, row.sectionNo());
        });
    }
}
