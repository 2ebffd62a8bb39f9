package org.subledger.command.subscription;

import org.subledger.command.usage.UsageDueDates;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** The earliest usage date each subscription was said to hold, as the billing index keeps it. */
class FakeUsageDueDates implements UsageDueDates {

    final Map<String, LocalDate> dueBy = new HashMap<>();

    @Override
    public void usedOn(String subscriptionId, LocalDate date) {
        dueBy.merge(subscriptionId, date, (one, other) -> one.isBefore(other) ? one : other);
    }
}
