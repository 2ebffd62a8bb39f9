package org.subledger.kernel.account;

import org.subledger.kernel.billing.BillPosted;
import org.subledger.kernel.money.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
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
 */
public record Receivables(List<OpenItem> items, Money unallocated) {

    /** Ordering of settlement: due date, then the order items were posted (the list keeps it within a date). */
    private static final Comparator<OpenItem> BY_DUE_DATE = Comparator.comparing(OpenItem::dueDate);

    public Receivables {
        items = List.copyOf(items);
    }

    public static Receivables none(Currency currency) {
        return new Receivables(List.of(), Money.zero(currency));
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
        Money open = amount.minus(settled);
        List<OpenItem> next = new ArrayList<>(items);
        if (open.isPositive()) {
            next.add(new OpenItem(itemId, dueDate, open));
            next.sort(BY_DUE_DATE); // stable: posting order kept within a due date
        }
        List<Allocation> allocations = settled.isPositive() ? List.of(new Allocation(itemId, settled, open))
                : List.of();
        return new Change(new Receivables(next, unallocated.minus(settled)), allocations);
    }

    /**
     * Money of {@code amount} was received or credited: it settles {@code namedItemId} first when given (the caller
     * checked it is open, see {@link #item}), then the oldest items; the rest is unallocated.
     */
    public Change credit(Money amount, String namedItemId) {
        if (!amount.isPositive()) {
            return new Change(this, List.of());
        }
        List<OpenItem> order = new ArrayList<>(items);
        if (namedItemId != null) {
            item(namedItemId).ifPresent(named -> {
                order.remove(named);
                order.add(0, named);
            });
        }
        Money left = amount;
        List<Allocation> allocations = new ArrayList<>();
        List<OpenItem> stillOpen = new ArrayList<>();
        for (OpenItem item : order) {
            if (!left.isPositive()) {
                stillOpen.add(item);
                continue;
            }
            Money settled = min(left, item.open());
            Money openAfter = item.open().minus(settled);
            left = left.minus(settled);
            allocations.add(new Allocation(item.itemId(), settled, openAfter));
            if (openAfter.isPositive()) {
                stillOpen.add(new OpenItem(item.itemId(), item.dueDate(), openAfter));
            }
        }
        // back to settlement order: a named item moved to the front for this posting only
        List<OpenItem> next = new ArrayList<>(items.size());
        for (OpenItem item : items) {
            stillOpen.stream().filter(open -> open.itemId().equals(item.itemId())).findFirst().ifPresent(next::add);
        }
        return new Change(new Receivables(next, unallocated.plus(left)), allocations);
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
        return items.stream().filter(item -> item.itemId().equals(itemId)).findFirst();
    }

    /** What is owed on items due before {@code today} (an item due today is not overdue yet). */
    public Money overdueOn(LocalDate today) {
        return items.stream().filter(item -> item.dueDate().isBefore(today)).map(OpenItem::open)
                .reduce(Money.zero(unallocated.currency()), Money::plus);
    }

    /** The earliest due date of what is overdue on {@code today}; null when nothing is. */
    public LocalDate oldestDueDateOn(LocalDate today) {
        return items.stream().map(OpenItem::dueDate).filter(due -> due.isBefore(today)).findFirst().orElse(null);
    }

    private static Money min(Money a, Money b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
