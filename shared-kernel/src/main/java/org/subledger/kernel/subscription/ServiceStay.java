package org.subledger.kernel.subscription;

import org.subledger.kernel.billing.BillingDirective;
import org.subledger.kernel.money.Money;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * One stay of a termed service on a subscription, as billing sees it: the product, from when it is billable
 * ({@code billableFrom}; with the product code it tells two stays of one product apart), when billing starts
 * ({@code billingEffectiveDate}), when maturity counts from ({@code effectiveDate}), when it ends ({@code endsOn},
 * exclusive; {@code null} while subscribed), how far it is charged ({@code chargedThrough}, exclusive; {@code null}
 * before its first bill), the full-period amount last charged (signed: negative for a credited service), the
 * distributors it is provided on and its billing directive. Changed only by {@link SubscriptionStreamState}, which
 * keeps a stay after its service left the subscription until a bill settled it.
 */
public final class ServiceStay {

    private String productCode;
    private LocalDate effectiveDate;
    private LocalDate billableFrom;
    private LocalDate billingEffectiveDate;
    // insertion-ordered, so a snapshot written and read back lists them in the same order
    private LinkedHashSet<String> distributorIds = new LinkedHashSet<>();
    private LocalDate endsOn;
    private LocalDate chargedThrough;
    private Money lastPeriodAmount;
    private BillingDirective directive = BillingDirective.BILL;

    private ServiceStay() {
        // for the snapshot serializer
    }

    static ServiceStay of(SubscriptionService service) {
        var stay = new ServiceStay();
        stay.productCode = service.productCode();
        stay.billableFrom = service.billablePeriodStartDate() != null ? service.billablePeriodStartDate()
                : service.effectiveDate();
        stay.billingEffectiveDate = service.billingEffectiveDate() != null ? service.billingEffectiveDate()
                : stay.billableFrom;
        stay.effectiveDate = service.effectiveDate() != null ? service.effectiveDate() : stay.billableFrom;
        stay.distributorIds.addAll(service.distributorIds());
        return stay;
    }

    ServiceStay copy() {
        var copy = new ServiceStay();
        copy.productCode = productCode;
        copy.effectiveDate = effectiveDate;
        copy.billableFrom = billableFrom;
        copy.billingEffectiveDate = billingEffectiveDate;
        copy.distributorIds.addAll(distributorIds);
        copy.endsOn = endsOn;
        copy.chargedThrough = chargedThrough;
        copy.lastPeriodAmount = lastPeriodAmount;
        copy.directive = directive;
        return copy;
    }

    boolean is(String code, LocalDate from) {
        return productCode.equals(code) && billableFrom.equals(from);
    }

    /** Whether the service is still on the subscription (the stay has no end yet). */
    public boolean ongoing() {
        return endsOn == null;
    }

    /** Ends the stay on {@code date} (exclusive), unless it already ended earlier. */
    void endOn(LocalDate date) {
        if (endsOn == null || date.isBefore(endsOn)) {
            endsOn = date;
        }
    }

    void charged(LocalDate through, Money periodAmount) {
        chargedThrough = through;
        if (periodAmount != null) {
            lastPeriodAmount = periodAmount;
        }
    }

    void addDistributor(String distributorId) {
        distributorIds.add(distributorId);
    }

    void removeDistributor(String distributorId) {
        distributorIds.remove(distributorId);
    }

    void direct(BillingDirective newDirective) {
        directive = newDirective == null ? BillingDirective.BILL : newDirective;
    }

    /** Charged through a date after its end: billed in advance and removed since, so unused days are owed back. */
    public boolean creditPending() {
        return endsOn != null && chargedThrough != null && chargedThrough.isAfter(endsOn);
    }

    /**
     * An ended stay nothing is left to bill or credit for: charged exactly to its end, never charged and ending
     * before it became billable, or ignored (and not charged beyond its end).
     */
    boolean settled() {
        if (endsOn == null || creditPending()) {
            return false;
        }
        if (chargedThrough != null) {
            return !chargedThrough.isBefore(endsOn) || directive == BillingDirective.IGNORE;
        }
        return !endsOn.isAfter(billableFrom) || directive == BillingDirective.IGNORE;
    }

    public String productCode() {
        return productCode;
    }

    public LocalDate effectiveDate() {
        return effectiveDate;
    }

    public LocalDate billableFrom() {
        return billableFrom;
    }

    public LocalDate billingEffectiveDate() {
        return billingEffectiveDate;
    }

    public LocalDate endsOn() {
        return endsOn;
    }

    public LocalDate chargedThrough() {
        return chargedThrough;
    }

    public Money lastPeriodAmount() {
        return lastPeriodAmount;
    }

    /** The distributors the service is provided on (a read-only view). */
    public Set<String> distributorIds() {
        return Collections.unmodifiableSet(distributorIds);
    }

    /** The distributors the service is provided on, at least 1: its quantity for quantity-based rates. */
    public int quantity() {
        return Math.max(1, distributorIds.size());
    }

    public BillingDirective directive() {
        return directive;
    }

    /** Equal stays: every field equal (a state folded, or read back from a snapshot, is compared whole). */
    @Override
    public boolean equals(Object other) {
        return other instanceof ServiceStay that && productCode.equals(that.productCode)
                && Objects.equals(effectiveDate, that.effectiveDate) && Objects.equals(billableFrom, that.billableFrom)
                && Objects.equals(billingEffectiveDate, that.billingEffectiveDate)
                && distributorIds.equals(that.distributorIds) && Objects.equals(endsOn, that.endsOn)
                && Objects.equals(chargedThrough, that.chargedThrough)
                && Objects.equals(lastPeriodAmount, that.lastPeriodAmount) && directive == that.directive;
    }

    @Override
    public int hashCode() {
        return Objects.hash(productCode, billableFrom, endsOn, chargedThrough);
    }

    @Override
    public String toString() {
        return productCode + "[" + billableFrom + ".." + endsOn + ", charged through " + chargedThrough + "]";
    }
}
