package org.subledger.query.account;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.subledger.kernel.account.OpenItem;
import org.subledger.kernel.account.Receivables;
import org.subledger.kernel.account.SectionsOpen;
import org.subledger.kernel.billing.BillIssued;
import org.subledger.kernel.billing.BillSection;
import org.subledger.kernel.money.Money;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What each subscription of an account owes on its own sections of bills (issue 14, "amount per subscription"): a
 * bill of one subscription is one section, a bill per account a section per subscription, each owing its part of
 * what the bill leaves open by the one rule of {@link SectionsOpen}. Now: the sections the {@code receivable-open-items}
 * projection keeps (what a per-subscription deactivation run reads, {@link OverdueAccounts}). At a past instant: the
 * account's open items as its events left them then, each bill's sections from its own {@code BillIssued}.
 */
@Component
public class SubscriptionReceivables {

    /**
     * A subscription's part of the account's open items: {@code open} in all, {@code overdue} of it on items due
     * before the day, and the earliest due date of what is overdue (null when nothing is).
     */
    public record SubscriptionOwing(String subscriptionId, Money open, Money overdue, LocalDate oldestDueDate) {
    }

    private final JdbcTemplate jdbc;
    private final EventStore eventStore;

    SubscriptionReceivables(JdbcTemplate jdbc, EventStore eventStore) {
        this.jdbc = jdbc;
        this.eventStore = eventStore;
    }

    /** Now, from the projection, overdue on {@code today}; in subscription id order. */
    List<SubscriptionOwing> now(String accountId, LocalDate today) {
        return jdbc.query("""
                select subscription_id, min(currency) as currency, sum(open_amount) as open,
                       coalesce(sum(open_amount) filter (where due_date < ?), 0) as overdue,
                       min(due_date) filter (where due_date < ?) as oldest_due_date
                from receivable_open_item_section
                where account_id = ? and open_amount > 0
                group by subscription_id order by subscription_id""", (rs, row) -> {
            Currency currency = Currency.getInstance(rs.getString("currency").trim());
            return new SubscriptionOwing(rs.getString("subscription_id"),
                    Money.of(rs.getBigDecimal("open"), currency), Money.of(rs.getBigDecimal("overdue"), currency),
                    rs.getObject("oldest_due_date", LocalDate.class));
        }, java.sql.Date.valueOf(today), java.sql.Date.valueOf(today), accountId);
    }

    /**
     * From {@code receivables}, the account's open items as they stood then, overdue on {@code day}; in subscription
     * id order. An item that is no bill (a charge, an adjustment) belongs to no subscription.
     */
    List<SubscriptionOwing> of(Receivables receivables, LocalDate day) {
        Map<String, SubscriptionOwing> owing = new TreeMap<>();
        for (OpenItem item : receivables.items()) {
            List<BillSection> sections = sectionsOf(item.itemId());
            if (sections.isEmpty()) {
                continue;
            }
            List<Money> opens = SectionsOpen.of(sections.stream().map(BillSection::total).toList(), item.open());
            boolean overdue = item.dueDate().isBefore(day);
            for (int i = 0; i < sections.size(); i++) {
                Money open = opens.get(i);
                if (!open.isPositive()) {
                    continue;
                }
                Money zero = Money.zero(open.currency());
                owing.merge(sections.get(i).subscriptionId(), new SubscriptionOwing(sections.get(i).subscriptionId(),
                        open, overdue ? open : zero, overdue ? item.dueDate() : null), SubscriptionReceivables::plus);
            }
        }
        return new ArrayList<>(owing.values());
    }

    /** The sections of bill {@code itemId}, from its first event; none when the item is no bill. */
    private List<BillSection> sectionsOf(String itemId) {
        DomainEventStream stream = eventStore.readEvents(itemId, 0);
        if (!stream.hasNext()) {
            return List.of();
        }
        DomainEventMessage<?> first = stream.next();
        return first.getPayload() instanceof BillIssued bill ? bill.sections() : List.of();
    }

    private static SubscriptionOwing plus(SubscriptionOwing a, SubscriptionOwing b) {
        LocalDate oldest = a.oldestDueDate() == null ? b.oldestDueDate() : b.oldestDueDate() == null
                ? a.oldestDueDate() : a.oldestDueDate().isBefore(b.oldestDueDate()) ? a.oldestDueDate()
                : b.oldestDueDate();
        return new SubscriptionOwing(a.subscriptionId(), a.open().plus(b.open()), a.overdue().plus(b.overdue()),
                oldest);
    }
}
