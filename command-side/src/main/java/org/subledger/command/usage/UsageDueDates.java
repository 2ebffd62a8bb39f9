package org.subledger.command.usage;

import java.time.LocalDate;

/**
 * Tells billing that a subscription holds unbilled usage from a date on, so that the next bill run by that date bills
 * it (the subscription's due date in the billing index moves to the earliest such date). Called by the command that
 * records the usage, in its transaction: what it records and the due date commit or roll back together. Injected as
 * a handler parameter.
 *
 * <p>It replaced an event handler of {@code UsageRecorded} in the billing index's subscribing processor: that
 * processor ran Axon's per-event machinery (a unit of work, interceptors, correlation data) for each of a mediation
 * batch's thousand events, about 6 % of the ledger's CPU taking usage over HTTP (issue 17), to keep one date per
 * subscription.
 */
public interface UsageDueDates {

    /** The subscription has usage used on this date that no bill has settled. */
    void usedOn(String subscriptionId, LocalDate date);
}
