package org.subledger.kernel.subscription;

import java.time.LocalDate;

/**
 * A period of a subscription's termed services bought in advance: {@code from} inclusive to {@code through}
 * exclusive, {@code months} long, requested on {@code requestedOn} by request {@code requestId}.
 */
public record BoughtPeriod(String requestId, int months, LocalDate requestedOn, LocalDate from, LocalDate through) {

    /** Whether the day lies within the bought period. */
    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && day.isBefore(through);
    }
}
