package org.subledger.kernel.account;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.pcollections.HashPMap;
import org.pcollections.HashTreePMap;
import org.pcollections.TreePMap;
import org.subledger.kernel.billing.BillPosted;
import org.subledger.kernel.money.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An account's receivables as open items: what each debit still owes and by when, and the money received that no
 * debit took yet ({@code unallocated}, a prepayment). The one statement of the allocation rule: money settles the
 * item a payment names (or the bill a credit note corrects) first, then the open items by due date, oldest first (in
 * posting order within one date); what is left waits as unallocated money, which settles the next debit as soon as it
 * is posted. So at any time either nothing is open or nothing is unallocated, and the open items less the unallocated money are the balance.
 *
 * <p>Immutable; every change answers the receivables after it and the allocations it made, which the writer of the
 * posting records as {@link ReceivableAllocated} events in the same unit of work.
 *
 * <p>The open items are held in persistent maps (structural sharing, so a change leaves the receivables it started
 * from intact, as a preview such as a credit note's allocations needs): a debit costs O(log n) in the open items, a
 * credit O(log n) per item it settles, looking an item up O(log n). Before, every posting copied and re-sorted all
 * open items, so a charge on an account with 10,000 unpaid items cost milliseconds, growing with the history.
 * Item ids are unique within an account (a posting id is recorded once, a bill id names one bill). The stored form (a
 * snapshot's) is unchanged: {@code items} in settlement order and {@code unallocated}.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.NONE, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class Receivables {

    /** Where an item stands in settlement order: due date, then posting order ({@code seq}) within the date. */
    private record Position(LocalDate dueDate, long seq) implements Comparable<Position> {
        @Override
        public int compareTo(Position other) {
            int byDate = dueDate.compareTo(other.dueDate);
            return byDate != 0 ? byDate : Long.compare(seq, other.seq);
        }
    }

    private final TreePMap<Position, OpenItem> open;
    private final HashPMap<String, Position> positions;
    /** The posting order of the next item opened. */
    private final long nextSeq;
    private final Money unallocated;

    private Receivables(TreePMap<Position, OpenItem> open, HashPMap<String, Position> positions, long nextSeq,
            Money unallocated) {
        this.open = open;
        this.positions = positions;
        this.nextSeq = nextSeq;
        this.unallocated = Objects.requireNonNull(unallocated, "unallocated");
    }

    /** The receivables with these open {@code items} (in settlement order, as {@link #items()} answers them). */
    @JsonCreator
    public Receivables(@JsonProperty("items") List<OpenItem> items, @JsonProperty("unallocated") Money unallocated) {
        this(opening(items, unallocated));
    }

    private Receivables(Receivables copy) {
        this(copy.open, copy.positions, copy.nextSeq, copy.unallocated);
    }

    private static Receivables opening(List<OpenItem> items, Money unallocated) {
        Receivables receivables = new Receivables(TreePMap.empty(), HashTreePMap.empty(), 0, unallocated);
        for (OpenItem item : items) {
            receivables = receivables.opened(item);
        }
        return receivables;
    }

    public static Receivables none(Currency currency) {
        return new Receivables(TreePMap.empty(), HashTreePMap.empty(), 0, Money.zero(currency));
    }

    /** The open items in settlement order: oldest due date first, posting order within a date. O(n): a copy. */
    @JsonProperty("items")
    public List<OpenItem> items() {
        return List.copyOf(open.values());
    }

    /** Money received that no debit took yet. */
    @JsonProperty("unallocated")
    public Money unallocated() {
        return unallocated;
    }

    /** How many items are open. */
    public int openItemCount() {
        return open.size();
    }

    /** One part of an item settled by one posting: {@code amount} went to {@code itemId}, {@code openAfter} is left. */
    public record Allocation(String itemId, Money amount, Money openAfter) {
    }

    /** The receivables after a change, and the allocations it made (oldest item first). */
    public record Change(Receivables after, List<Allocation> allocations) {
        public Change {
            allocations = List.copyOf(allocations);
        }
    }

    /** A debit of {@code amount} due on {@code dueDate} was posted; unallocated money settles it at once. */
    public Change debit(String itemId, LocalDate dueDate, Money amount) {
        if (!amount.isPositive()) {
            return new Change(this, List.of());
        }
        Money settled = min(unallocated, amount);
        Money left = amount.minus(settled);
        Receivables after = new Receivables(open, positions, nextSeq, unallocated.minus(settled));
        if (left.isPositive()) {
            after = after.opened(new OpenItem(itemId, dueDate, left));
        }
        List<Allocation> allocations = settled.isPositive() ? List.of(new Allocation(itemId, settled, left))
                : List.of();
        return new Change(after, allocations);
    }

    /** These receivables with {@code item} open as well, after every item due on or before its due date. */
    private Receivables opened(OpenItem item) {
        Position position = new Position(item.dueDate(), nextSeq);
        return new Receivables(open.plus(position, item), positions.plus(item.itemId(), position), nextSeq + 1,
                unallocated);
    }

    /**
     * Money of {@code amount} was received or credited: it settles {@code namedItemId} first when given (the caller
     * checked it is open, see {@link #item}), then the oldest items; the rest is unallocated.
     */
    public Change credit(Money amount, String namedItemId) {
        if (!amount.isPositive()) {
            return new Change(this, List.of());
        }
        Settlement settlement = new Settlement(amount);
        if (namedItemId != null) {
            Position named = positions.get(namedItemId);
            if (named != null) {
                settlement.settle(named, open.get(named));
            }
        }
        while (settlement.left.isPositive() && !settlement.open.isEmpty()) {
            Map.Entry<Position, OpenItem> oldest = settlement.open.firstEntry();
            settlement.settle(oldest.getKey(), oldest.getValue());
        }
        return new Change(new Receivables(settlement.open, settlement.positions, nextSeq,
                unallocated.plus(settlement.left)), settlement.allocations);
    }

    /** One credit under way: what is left of the money, and the items as it leaves them. */
    private final class Settlement {
        Money left;
        TreePMap<Position, OpenItem> open = Receivables.this.open;
        HashPMap<String, Position> positions = Receivables.this.positions;
        final List<Allocation> allocations = new ArrayList<>();

        Settlement(Money amount) {
            this.left = amount;
        }

        void settle(Position position, OpenItem item) {
            Money settled = min(left, item.open());
            Money openAfter = item.open().minus(settled);
            left = left.minus(settled);
            allocations.add(new Allocation(item.itemId(), settled, openAfter));
            if (openAfter.isPositive()) {
                open = open.plus(position, new OpenItem(item.itemId(), item.dueDate(), openAfter));
            } else {
                open = open.minus(position);
                positions = positions.minus(item.itemId());
            }
        }
    }

    /**
     * The item a posting opens, whole, or null when it opens none (it settles, or moves nothing): a bill of positive
     * total (its bill id, due on its due date), a charge or debit adjustment (its posting id, due the day, UTC, it
     * was posted at {@code postedAt}). Every reader of open items names and dates them by this.
     */
    public static OpenItem itemOpenedBy(AccountPosting posting, Instant postedAt) {
        if (!posting.balanceEffect().isPositive()) {
            return null;
        }
        if (posting instanceof BillPosted bill) {
            return new OpenItem(bill.billId(), bill.dueDate(), bill.total());
        }
        return new OpenItem(posting.postingId(), LocalDate.ofInstant(postedAt, ZoneOffset.UTC), posting.amount());
    }

    /** What a posting does to these receivables: opens an item (settled from unallocated money) or settles items. */
    public Change post(AccountPosting posting, Instant postedAt) {
        OpenItem opened = itemOpenedBy(posting, postedAt);
        if (opened != null) {
            return debit(opened.itemId(), opened.dueDate(), opened.open());
        }
        String named = posting instanceof PaymentRecorded payment ? payment.billId()
                : posting instanceof CreditNotePosted creditNote ? creditNote.billId() : null;
        return credit(posting.amount(), named);
    }

    /** The open item {@code itemId}, if it is open. */
    public Optional<OpenItem> item(String itemId) {
        Position position = itemId == null ? null : positions.get(itemId);
        return position == null ? Optional.empty() : Optional.ofNullable(open.get(position));
    }

    /** What is owed on items due before {@code today} (an item due today is not overdue yet). */
    public Money overdueOn(LocalDate today) {
        return overdue(today).values().stream().map(OpenItem::open)
                .reduce(Money.zero(unallocated.currency()), Money::plus);
    }

    /** The earliest due date of what is overdue on {@code today}; null when nothing is. */
    public LocalDate oldestDueDateOn(LocalDate today) {
        return open.isEmpty() || !open.firstKey().dueDate().isBefore(today) ? null : open.firstKey().dueDate();
    }

    private TreePMap<Position, OpenItem> overdue(LocalDate today) {
        return open.headMap(new Position(today, Long.MIN_VALUE));
    }

    private static Money min(Money a, Money b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Equal when the same items are open in the same order and the same money is unallocated. */
    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof Receivables that && unallocated.equals(that.unallocated)
                && open.size() == that.open.size() && items().equals(that.items());
    }

    @Override
    public int hashCode() {
        return Objects.hash(items(), unallocated);
    }

    @Override
    public String toString() {
        return "Receivables[items=" + items() + ", unallocated=" + unallocated + "]";
    }
}
