package org.subledger.query.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.subledger.kernel.account.AccountOpened;
import org.subledger.kernel.account.AccountPosting;
import org.subledger.kernel.account.AccountState;
import org.subledger.kernel.money.Money;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An account's balance over time: {@code openingBalance} as it stood just before {@code from} ({@code null} when the
 * account was not open yet), then a page of {@code points}, oldest first, one per event that set the balance (the
 * opening, and every posting).
 * Folded by the account stream's one fold ({@link AccountState}).
 */
public record BalanceHistoryView(String accountId,
                                 String currency,
                                 Instant from,
                                 Instant to,
                                 Money openingBalance,
                                 List<Point> points,
                                 int page,
                                 int size,
                                 long totalElements,
                                 long totalPages) {

    /** The balance after one event: when, how much, and which event ({@code type}, {@code eventId}) moved it. */
    public record Point(Instant at, Money balance, long sequenceNumber, String eventId, String type) {
    }

    static BalanceHistoryView of(String accountId, List<? extends DomainEventMessage<?>> events, Instant from,
                                 Instant to, int page, int size) {
        var state = new AccountState();
        Money opening = null;
        List<Point> points = new ArrayList<>();
        for (var event : events) {
            Instant at = event.getTimestamp();
            if (to != null && at.isAfter(to)) {
                break;
            }
            state.apply(event.getPayload(), event.getSequenceNumber(), at);
            if (from != null && at.isBefore(from)) {
                opening = state.isOpened() ? state.balance() : null;
            } else if (state.isOpened() && (event.getPayload() instanceof AccountOpened
                    || event.getPayload() instanceof AccountPosting)) {
                points.add(new Point(at, state.balance(), event.getSequenceNumber(),
                        event.getIdentifier(), event.getPayloadType().getSimpleName()));
            }
        }
        long first = Math.min((long) page * size, points.size());
        List<Point> content = points.subList((int) first, (int) Math.min(first + size, points.size()));
        return new BalanceHistoryView(accountId, state.isOpened() ? state.currency().getCurrencyCode() : null, from,
                to, opening, List.copyOf(content), page, size, points.size(),
                (points.size() + size - 1) / size);
    }
}
