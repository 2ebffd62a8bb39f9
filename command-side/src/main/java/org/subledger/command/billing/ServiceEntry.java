package org.subledger.command.billing;

import org.subledger.kernel.billing.BillingDirective;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.subscription.ServiceStay;

import java.time.LocalDate;

/**
 * One stay of a termed service on a subscription, as billing rates it: a read-only view of the subscription stream's
 * {@link ServiceStay} (see there for what each date means), which only the stream's events change.
 */
public final class ServiceEntry {

    private final ServiceStay stay;

    ServiceEntry(ServiceStay stay) {
        this.stay = stay;
    }

    /** Charged through a date after its end: billed in advance and removed since, so unused days are owed back. */
    public boolean creditPending() {
        return stay.creditPending();
    }

    public String productCode() {
        return stay.productCode();
    }

    public LocalDate effectiveDate() {
        return stay.effectiveDate();
    }

    public LocalDate billableFrom() {
        return stay.billableFrom();
    }

    public LocalDate billingEffectiveDate() {
        return stay.billingEffectiveDate();
    }

    public LocalDate endsOn() {
        return stay.endsOn();
    }

    public LocalDate chargedThrough() {
        return stay.chargedThrough();
    }

    public Money lastPeriodAmount() {
        return stay.lastPeriodAmount();
    }

    /** The distributors the service is provided on, at least 1: its quantity for quantity-based rates. */
    public int quantity() {
        return stay.quantity();
    }

    public BillingDirective directive() {
        return stay.directive();
    }

    @Override
    public String toString() {
        return stay.toString();
    }
}
