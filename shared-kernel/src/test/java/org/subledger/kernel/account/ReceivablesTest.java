package org.subledger.kernel.account;

import org.junit.jupiter.api.Test;
import org.subledger.kernel.money.Money;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The open items kept in persistent maps allocate exactly as the list they replaced did (the reference below is that
 * list's code: copy, add, stable sort by due date; a credit walks the named item first, then the list), on random
 * histories and on an account with 10,000 open items; and a change leaves the receivables it started from intact.
 */
class ReceivablesTest {

    static final Currency EUR = Currency.getInstance("EUR");
    static final LocalDate START = LocalDate.of(2026, 1, 1);

    static Money eur(long cents) {
        return Money.of(java.math.BigDecimal.valueOf(cents, 2), EUR);
    }

    @Test
    void allocatesAsTheSortedListDidOnRandomHistories() {
        for (int run = 0; run < 200; run++) {
            Random random = new Random(run);
            Receivables receivables = Receivables.none(EUR);
            Reference reference = new Reference(List.of(), Money.zero(EUR));
            List<String> ids = new ArrayList<>();
            for (int posting = 0; posting < 60; posting++) {
                Money amount = eur(1 + random.nextInt(5_000));
                if (random.nextInt(3) > 0) {
                    String id = "item-" + posting;
                    ids.add(id);
                    LocalDate due = START.plusDays(random.nextInt(20)); // many items share a date
                    Receivables.Change change = receivables.debit(id, due, amount);
                    Reference.Change expected = reference.debit(id, due, amount);
                    assertThat(change.allocations()).as("run %d", run).isEqualTo(expected.allocations());
                    receivables = change.after();
                    reference = expected.after();
                } else {
                    String named = ids.isEmpty() || random.nextBoolean() ? null
                            : ids.get(random.nextInt(ids.size()));
                    if (named != null && receivables.item(named).isEmpty()) {
                        named = null; // the aggregate refuses a payment naming an item that is not open
                    }
                    Receivables.Change change = receivables.credit(amount, named);
                    Reference.Change expected = reference.credit(amount, named);
                    assertThat(change.allocations()).as("run %d", run).isEqualTo(expected.allocations());
                    receivables = change.after();
                    reference = expected.after();
                }
                assertThat(receivables.items()).as("run %d", run).isEqualTo(reference.items());
                assertThat(receivables.unallocated()).as("run %d", run).isEqualTo(reference.unallocated());
                LocalDate today = START.plusDays(random.nextInt(25));
                assertThat(receivables.overdueOn(today)).as("run %d", run).isEqualTo(reference.overdueOn(today));
                assertThat(receivables.oldestDueDateOn(today)).as("run %d", run)
                        .isEqualTo(reference.oldestDueDateOn(today));
            }
            assertThat(new Receivables(receivables.items(), receivables.unallocated())).isEqualTo(receivables);
        }
    }

    @Test
    void anAccountWithTenThousandOpenItemsAllocatesByTheSameRule() {
        Receivables receivables = Receivables.none(EUR);
        for (int charge = 0; charge < 10_000; charge++) {
            // charges due the day they are posted, and now and then a bill due a month later
            LocalDate due = START.plusDays(charge / 100 + (charge % 97 == 0 ? 30 : 0));
            receivables = receivables.debit("c-" + charge, due, eur(100)).after();
        }
        // the reference's O(n²) credit would take seconds here: the expected items are stated instead
        Reference reference = new Reference(receivables.items(), receivables.unallocated());
        assertThat(reference.items()).isSortedAccordingTo(Reference.BY_DUE_DATE);
        assertThat(receivables.openItemCount()).isEqualTo(10_000);
        assertThat(receivables.item("c-5000")).map(OpenItem::open).contains(eur(100));

        Receivables.Change named = receivables.credit(eur(250), "c-5000");
        assertThat(named.allocations()).containsExactly(new Receivables.Allocation("c-5000", eur(100), eur(0)),
                new Receivables.Allocation("c-1", eur(100), eur(0)), new Receivables.Allocation("c-2", eur(50), eur(50)));
        assertThat(named.after().items()).isEqualTo(reference.items().stream()
                .filter(item -> !List.of("c-5000", "c-1").contains(item.itemId()))
                .map(item -> item.itemId().equals("c-2") ? new OpenItem("c-2", item.dueDate(), eur(50)) : item)
                .toList());
        Receivables.Change half = named.after().credit(eur(500_050), null);
        assertThat(half.allocations()).hasSize(5_001);
        assertThat(half.after().items()).isEqualTo(reference.items().stream()
                .filter(item -> !List.of("c-5000", "c-1", "c-2").contains(item.itemId()))
                .skip(5_000).toList());
        assertThat(half.after().openItemCount()).isEqualTo(4_997);

        assertThat(receivables.openItemCount()).as("a change leaves what it started from intact").isEqualTo(10_000);
        assertThat(receivables.items()).isEqualTo(reference.items());
    }

    @Test
    void unallocatedMoneySettlesTheNextDebitAndAChangeLeavesTheOriginalIntact() {
        Receivables prepaid = Receivables.none(EUR).credit(eur(1_000), null).after();
        Receivables.Change billed = prepaid.debit("B1", START, eur(1_500));
        assertThat(billed.allocations()).containsExactly(new Receivables.Allocation("B1", eur(1_000), eur(500)));
        assertThat(billed.after().items()).containsExactly(new OpenItem("B1", START, eur(500)));
        assertThat(billed.after().unallocated()).isEqualTo(eur(0));
        assertThat(prepaid.items()).isEmpty();
        assertThat(prepaid.unallocated()).isEqualTo(eur(1_000));
    }

    /** The list implementation this class had until session 10, kept as the statement of the rule. */
    record Reference(List<OpenItem> items, Money unallocated) {

        static final Comparator<OpenItem> BY_DUE_DATE = Comparator.comparing(OpenItem::dueDate);

        record Change(Reference after, List<Receivables.Allocation> allocations) {
        }

        Change debit(String itemId, LocalDate dueDate, Money amount) {
            Money settled = min(unallocated, amount);
            Money open = amount.minus(settled);
            List<OpenItem> next = new ArrayList<>(items);
            if (open.isPositive()) {
                next.add(new OpenItem(itemId, dueDate, open));
                next.sort(BY_DUE_DATE);
            }
            return new Change(new Reference(List.copyOf(next), unallocated.minus(settled)),
                    settled.isPositive() ? List.of(new Receivables.Allocation(itemId, settled, open)) : List.of());
        }

        Change credit(Money amount, String namedItemId) {
            List<OpenItem> order = new ArrayList<>(items);
            if (namedItemId != null) {
                items.stream().filter(item -> item.itemId().equals(namedItemId)).findFirst().ifPresent(named -> {
                    order.remove(named);
                    order.add(0, named);
                });
            }
            Money left = amount;
            List<Receivables.Allocation> allocations = new ArrayList<>();
            List<OpenItem> stillOpen = new ArrayList<>();
            for (OpenItem item : order) {
                if (!left.isPositive()) {
                    stillOpen.add(item);
                    continue;
                }
                Money settled = min(left, item.open());
                Money openAfter = item.open().minus(settled);
                left = left.minus(settled);
                allocations.add(new Receivables.Allocation(item.itemId(), settled, openAfter));
                if (openAfter.isPositive()) {
                    stillOpen.add(new OpenItem(item.itemId(), item.dueDate(), openAfter));
                }
            }
            List<OpenItem> next = new ArrayList<>();
            for (OpenItem item : items) {
                stillOpen.stream().filter(open -> open.itemId().equals(item.itemId())).findFirst()
                        .ifPresent(next::add);
            }
            return new Change(new Reference(List.copyOf(next), unallocated.plus(left)), allocations);
        }

        Money overdueOn(LocalDate today) {
            return items.stream().filter(item -> item.dueDate().isBefore(today)).map(OpenItem::open)
                    .reduce(Money.zero(unallocated.currency()), Money::plus);
        }

        LocalDate oldestDueDateOn(LocalDate today) {
            return items.stream().map(OpenItem::dueDate).filter(due -> due.isBefore(today)).findFirst()
                    .orElse(null);
        }

        static Money min(Money a, Money b) {
            return a.compareTo(b) <= 0 ? a : b;
        }
    }
}
