package org.subledger.command.billing;

import org.subledger.kernel.billing.BillingDirective;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.subscription.SubscriptionService;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/**
 * One stay of a termed service on a subscription, as billing sees it: the product, from when it is billable
 * ({@code billableFrom}; with the product code it tells two stays of one product apart), when billing starts
 * ({@code billingEffectiveDate}), when maturity counts from ({@code effectiveDate}), when it ends ({@code endsOn},
 * exclusive; {@code null} while subscribed), how far it is charged ({@code chargedThrough}, exclusive; {@code null}
 * before its first bill), the full-period amount last charged (signed: negative for a credited service), the
 * distributors it is provided on and its billing directive. Mutated only by {@link BillingState}.
 */
public final class ServiceEntry {

    private final String productCode;
    private final LocalDate effectiveDate;
    private final LocalDate billableFrom;
    private final LocalDate billingEffectiveDate;
    private final Set<String> distributorIds;
    private LocalDate endsOn;
    private LocalDate chargedThrough;
    private Money lastPeriodAmount;
    private BillingDirective directive = BillingDirective.BILL;

    private ServiceEntry(String productCode, LocalDate effectiveDate, LocalDate billableFrom,
                         LocalDate billingEffectiveDate, Set<String> distributorIds) {
        this.productCode = productCode;
        this.effectiveDate = effectiveDate;
        this.billableFrom = billableFrom;
        this.billingEffectiveDate = billingEffectiveDate;
        this.distributorIds = new HashSet<>(distributorIds);
    }

    static ServiceEntry of(SubscriptionService service) {
        LocalDate billableFrom = service.billablePeriodStartDate() != null ? service.billablePeriodStartDate()
                : service.effectiveDate();
        LocalDate billingEffective = service.billingEffectiveDate() != null ? service.billingEffectiveDate()
                : billableFrom;
        LocalDate effective = service.effectiveDate() != null ? service.effectiveDate() : billableFrom;
        return new ServiceEntry(service.productCode(), effective, billableFrom, billingEffective,
                service.distributorIds());
    }

    ServiceEntry copy() {
        var copy = new ServiceEntry(productCode, effectiveDate, billableFrom, billingEffectiveDate, distributorIds);
        copy.endsOn = endsOn;
        copy.chargedThrough = chargedThrough;
        copy.lastPeriodAmount = lastPeriodAmount;
        copy.directive = directive;
        return copy;
    }

    boolean is(String code, LocalDate from) {
        return productCode.equals(code) && billableFrom.equals(from);
    }

    boolean isOpen() {
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

    /** The distributors the service is provided on, at least 1: its quantity for quantity-based rates. */
    public int quantity() {
        return Math.max(1, distributorIds.size());
    }

    public BillingDirective directive() {
        return directive;
    }

    @Override
    public String toString() {
        return productCode + "[" + billableFrom + ".." + endsOn + ", charged through " + chargedThrough + "]";
    }
}
