package org.subledger.kernel.subscription;

import org.subledger.kernel.billing.BillingDirective;
import org.subledger.kernel.billing.ServiceCharged;
import org.subledger.kernel.billing.SubscriptionBilled;
import org.subledger.kernel.discount.DiscountAdded;
import org.subledger.kernel.discount.DiscountApplied;
import org.subledger.kernel.discount.DiscountApproved;
import org.subledger.kernel.discount.DiscountRejected;
import org.subledger.kernel.discount.DiscountRemoved;
import org.subledger.kernel.discount.DiscountStatus;
import org.subledger.kernel.discount.SubscriptionDiscount;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.usage.BillingDirectiveSet;
import org.subledger.kernel.usage.OneOffChargeAdded;
import org.subledger.kernel.usage.UsageRecorded;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The one fold of a subscription's event stream, shared by every reader of it: the Subscription aggregate (its state,
 * and so its snapshot) and billing (the bill writer, usage bills, the bill preview). Each used to fold the stream its
 * own way, and the query side's as-of reader a third; a new subscription event (a discount, a buy in advance) is now
 * folded here once, and {@code SubscriptionStreamStateReadersTest} feeds the same random histories to the aggregate,
 * its snapshot and billing. It lives in the shared kernel, not in command-side, because the as-of reader
 * ({@code SubscriptionAsOfFolder}) is a query-side reader of it, and query-side may not depend on command-side. Named
 * after the stream: {@link SubscriptionState} is the life cycle state it holds.
 *
 * <p>It holds what the aggregate decides with (the services, distributors and installed items on the subscription
 * now, its billing terms, each service's billing directive, the unbilled usage and the one-off charge ids ever added)
 * and what billing reads (the billing anchor, how far it is billed, each stay of a termed service with how far it is
 * charged, the usage and one-off charges not billed yet). A service taken off leaves the subscription at once but its
 * stay stays until a bill settled it; a product added again is a new stay.
 *
 * <p>Events are applied oldest first; nothing applies before the creation, and an event not newer than the last one
 * applied is ignored. Pure: no clock, no I/O. Mutable, as an aggregate's state is; the accessors hand out read-only
 * views. Its fields are its snapshot's JSON: a change of them is a new revision of the Subscription aggregate.
 *
 * <p>Flat in the history: its snapshot holds what the aggregate decides with, never the usage records themselves (a
 * telephony subscription holds tens of thousands of them unbilled, and a snapshot every hundred events that carried
 * them all cost as much as the records were many). The unbilled records are held while folding (transient) for the
 * readers that fold the stream from its start, billing and the bill preview; the aggregate decides with their count
 * and total ({@link #unbilledUsageRecords()}, {@link #unbilledUsageTotal()}), which a {@link SubscriptionBilled}
 * lowers by the usage tallies it records, whether the records it billed are held here or not.
 */
public final class SubscriptionStreamState {

    private String subscriptionId;
    private String accountId;
    private String subscriptionTypeCode;
    /** The organisational unit that owns it (null: created before units existed, open to all staff). */
    private String owningUnit;
    private SubscriptionState state;
    private LocalDate createdOn;
    private BillingTerms billingTerms;
    /** The date it became effective, which its billing periods count from; null while a draft. */
    private LocalDate billingAnchor;
    private LocalDate deactivatedOn;
    private LocalDate terminatedOn;
    private LocalDate billedThrough;
    private LocalDate nextBillingDate;
    // every collection insertion-ordered: a snapshot read back iterates as the folded state did
    private final LinkedHashMap<String, Distributor> distributors = new LinkedHashMap<>();
    private final LinkedHashMap<String, SubscriptionService> services = new LinkedHashMap<>();
    private final LinkedHashMap<String, InstalledItem> installedItems = new LinkedHashMap<>();
    private final ArrayList<ServiceStay> stays = new ArrayList<>();
    /** Directives of the services on the subscription; a service taken off is billed again if it is added back. */
    private final LinkedHashMap<String, BillingDirective> directives = new LinkedHashMap<>();
    /**
     * Bounded by a billing period: cleared by {@link SubscriptionBilled}. Record ids ever seen are not kept here.
     * Transient: never in a snapshot, so a state read back from one holds only the records folded since.
     */
    private final transient LinkedHashMap<String, UsageRecorded> unbilledUsage = new LinkedHashMap<>();
    /** How many records are unbilled and their total, kept as they come and go (in the snapshot, unlike them). */
    private long unbilledUsageRecords;
    private Money unbilledUsageTotal;
    /**
     * The usage billed, per day it was used, for the last {@value #USAGE_DAYS_KEPT} days of it (a year back is the
     * longest unit of time a discount's usage totals count), and in all: bounded, one entry per day.
     */
    private final TreeMap<LocalDate, UsageTally> billedUsageByDay = new TreeMap<>();
    private UsageTally billedUsageInAll;
    private final LinkedHashMap<String, OneOffChargeAdded> unbilledOneOffCharges = new LinkedHashMap<>();
    private final LinkedHashSet<String> oneOffChargeIds = new LinkedHashSet<>();
    /** Every discount ever added or auto-applied, by discount id, with its applications (the discount state). */
    private final LinkedHashMap<String, SubscriptionDiscount> discounts = new LinkedHashMap<>();
    /** Every period bought in advance, by request id (a handful in a subscription's life). */
    private final LinkedHashMap<String, BoughtPeriod> boughtPeriods = new LinkedHashMap<>();
    /** Its deactivations, oldest first: a handful in a subscription's life. */
    private final ArrayList<Interruption> interruptions = new ArrayList<>();
    private long version = -1;
    private static final int USAGE_DAYS_KEPT = 400;

    /** A copy that events can be applied to without changing this state (the bill preview bills on one). */
    public SubscriptionStreamState copy() {
        var copy = new SubscriptionStreamState();
        copy.subscriptionId = subscriptionId;
        copy.accountId = accountId;
        copy.subscriptionTypeCode = subscriptionTypeCode;
        copy.owningUnit = owningUnit;
        copy.state = state;
        copy.createdOn = createdOn;
        copy.billingTerms = billingTerms;
        copy.billingAnchor = billingAnchor;
        copy.deactivatedOn = deactivatedOn;
        copy.terminatedOn = terminatedOn;
        copy.billedThrough = billedThrough;
        copy.nextBillingDate = nextBillingDate;
        copy.distributors.putAll(distributors);
        copy.services.putAll(services);
        copy.installedItems.putAll(installedItems);
        stays.forEach(stay -> copy.stays.add(stay.copy()));
        copy.directives.putAll(directives);
        copy.unbilledUsage.putAll(unbilledUsage);
        copy.unbilledUsageRecords = unbilledUsageRecords;
        copy.unbilledUsageTotal = unbilledUsageTotal;
        copy.billedUsageByDay.putAll(billedUsageByDay);
        copy.billedUsageInAll = billedUsageInAll;
        copy.unbilledOneOffCharges.putAll(unbilledOneOffCharges);
        copy.oneOffChargeIds.addAll(oneOffChargeIds);
        copy.discounts.putAll(discounts);
        copy.boughtPeriods.putAll(boughtPeriods);
        copy.interruptions.addAll(interruptions);
        copy.version = version;
        return copy;
    }

    /** Applies the next event of the stream (one without a sequence number: a test's, or a bill being worked out). */
    public SubscriptionStreamState apply(Object payload) {
        return apply(payload, version + 1);
    }

    /**
     * Applies one event; {@code sequenceNumber} is its message's. Payloads of other types, and every payload before
     * the creation, change nothing. Returns this state.
     */
    public SubscriptionStreamState apply(Object payload, long sequenceNumber) {
        if (sequenceNumber <= version) {
            return this;
        }
        if (payload instanceof SubscriptionCreated event) {
            on(event);
        } else if (subscriptionId == null) {
            return this; // nothing exists before the creation
        } else if (payload instanceof SubscriptionActivated event) {
            on(event);
        } else if (payload instanceof ServiceAdded event) {
            addService(event.service());
        } else if (payload instanceof ServiceRemoved event) {
            removeService(event.productCode(), event.removedOn());
        } else if (payload instanceof ServiceSwapped event) {
            removeService(event.previousProductCode(), event.swappedOn());
            addService(event.service());
        } else if (payload instanceof InstalledItemAdded event) {
            installedItems.put(event.item().serialNumber(), event.item());
        } else if (payload instanceof InstalledItemSwapped event) {
            installedItems.remove(event.previousItem().serialNumber());
            installedItems.put(event.item().serialNumber(), event.item());
        } else if (payload instanceof InstalledItemRemoved event) {
            installedItems.remove(event.item().serialNumber());
        } else if (payload instanceof DistributorAdded event) {
            on(event);
        } else if (payload instanceof DistributorRemoved event) {
            on(event);
        } else if (payload instanceof BillingTermsAmended event) {
            billingTerms = event.billingTerms();
        } else if (payload instanceof SubscriptionDeactivated event) {
            state = SubscriptionState.DEACTIVATED;
            deactivatedOn = event.deactivatedOn();
            interruptions.add(new Interruption(event.deactivatedOn(), null));
        } else if (payload instanceof SubscriptionReactivated event) {
            state = SubscriptionState.EFFECTIVE;
            deactivatedOn = null;
            int last = interruptions.size() - 1;
            if (last >= 0 && interruptions.get(last).to() == null) {
                interruptions.set(last, new Interruption(interruptions.get(last).from(), event.reactivatedOn()));
            }
        } else if (payload instanceof SubscriptionTerminated event) {
            on(event);
        } else if (payload instanceof BillingDirectiveSet event) {
            directives.put(event.productCode(), event.directive());
            ongoingStays(event.productCode()).forEach(stay -> stay.direct(event.directive()));
        } else if (payload instanceof UsageRecorded event) {
            on(event);
        } else if (payload instanceof OneOffChargeAdded event) {
            oneOffChargeIds.add(event.chargeId());
            unbilledOneOffCharges.putIfAbsent(event.chargeId(), event);
        } else if (payload instanceof SubscriptionBilled event) {
            on(event);
        } else if (payload instanceof DiscountAdded event) {
            discounts.putIfAbsent(event.discountId(), SubscriptionDiscount.of(event));
        } else if (payload instanceof DiscountApproved event) {
            discounts.computeIfPresent(event.discountId(),
                    (id, discount) -> discount.withStatus(DiscountStatus.APPROVED, null));
        } else if (payload instanceof DiscountRejected event) {
            discounts.computeIfPresent(event.discountId(),
                    (id, discount) -> discount.withStatus(DiscountStatus.REJECTED, null));
        } else if (payload instanceof DiscountRemoved event) {
            discounts.computeIfPresent(event.discountId(),
                    (id, discount) -> discount.withStatus(DiscountStatus.REMOVED, event.removedOn()));
        } else if (payload instanceof DiscountApplied event) {
            on(event); // a bill of revision 1 recorded its applications as events of their own
        } else if (payload instanceof BuyInAdvanceRequested event) {
            boughtPeriods.putIfAbsent(event.requestId(), new BoughtPeriod(event.requestId(), event.months(),
                    event.requestedOn(), event.boughtFrom(), event.boughtThrough()));
        }
        // UsageBillingDue, SubscriptionBillingFailed and the like change nothing of the state
        version = sequenceNumber;
        return this;
    }

    private void on(SubscriptionCreated event) {
        subscriptionId = event.subscriptionId();
        accountId = event.accountId();
        subscriptionTypeCode = event.subscriptionTypeCode();
        owningUnit = event.owningUnit();
        state = event.state();
        createdOn = event.createdOn();
        billingTerms = event.billingTerms();
        if (event.state() == SubscriptionState.EFFECTIVE) {
            billingAnchor = event.createdOn();
        }
        event.distributors().forEach(distributor -> distributors.put(distributor.distributorId(), distributor));
        event.services().forEach(this::addService);
        event.installedItems().forEach(item -> installedItems.put(item.serialNumber(), item));
    }

    private void on(SubscriptionActivated event) {
        state = SubscriptionState.EFFECTIVE;
        if (billingAnchor == null) {
            billingAnchor = event.activatedOn();
        }
        // a draft's services were never billed: the activated ones (billed from the activation) replace them
        services.clear();
        stays.clear();
        event.services().forEach(this::addService);
    }

    private void on(DistributorAdded event) {
        String id = event.distributor().distributorId();
        distributors.put(id, event.distributor());
        event.services().forEach(code -> {
            services.computeIfPresent(code, (ignored, service) -> withDistributors(service,
                    with(service.distributorIds(), id)));
            ongoingStays(code).forEach(stay -> stay.addDistributor(id));
        });
    }

    private void on(DistributorRemoved event) {
        String id = event.distributorId();
        distributors.remove(id);
        services.replaceAll((ignored, service) -> withDistributors(service, without(service.distributorIds(), id)));
        stays.stream().filter(ServiceStay::ongoing).forEach(stay -> stay.removeDistributor(id));
    }

    private void on(SubscriptionTerminated event) {
        state = SubscriptionState.TERMINATED;
        terminatedOn = event.terminatedOn();
        deactivatedOn = null;
        stays.forEach(stay -> stay.endOn(event.terminatedOn()));
        prune();
    }

    private void on(UsageRecorded event) {
        if (unbilledUsage.putIfAbsent(event.recordId(), event) == null) {
            unbilledUsageRecords++;
            unbilledUsageTotal = unbilledUsageTotal == null ? event.amount() : unbilledUsageTotal.plus(event.amount());
        }
    }

    private void on(SubscriptionBilled event) {
        for (ServiceCharged charged : event.services()) {
            stays.stream().filter(stay -> stay.is(charged.productCode(), charged.billableFrom())).findFirst()
                    .ifPresent(stay -> stay.charged(charged.chargedThrough(), charged.periodAmount()));
        }
        if (event.billedThrough() != null) {
            billedThrough = event.billedThrough();
        }
        nextBillingDate = event.nextBillingDate();
        List<UsageRecorded> held = new ArrayList<>();
        for (String recordId : event.usageRecordIds()) {
            UsageRecorded billed = unbilledUsage.remove(recordId);
            if (billed != null) {
                held.add(billed);
            }
        }
        // the bill's own tallies; a revision 1 bill has none, and then the records it billed are all held here (it
        // was written before snapshots stopped carrying records, so whoever reads it folds from before them)
        var billedByDay = event.usageBilledByDay() != null ? event.usageBilledByDay() : UsageTally.byDay(held);
        billedByDay.forEach(this::billed);
        if (unbilledUsageRecords <= 0) {
            unbilledUsageRecords = 0;
            unbilledUsageTotal = null;
        }
        event.oneOffChargeIds().forEach(unbilledOneOffCharges::remove);
        event.discountsApplied().forEach(this::on);
        prune();
    }

    private void on(DiscountApplied event) {
        discounts.computeIfAbsent(event.discountId(), id -> SubscriptionDiscount.autoApplied(event));
        discounts.computeIfPresent(event.discountId(), (id, discount) -> discount.withApplication(event));
    }

    private void billed(LocalDate usedOn, UsageTally tally) {
        unbilledUsageRecords -= tally.records();
        unbilledUsageTotal = unbilledUsageTotal == null ? null : unbilledUsageTotal.minus(tally.amount());
        billedUsageByDay.merge(usedOn, tally, UsageTally::plus);
        billedUsageInAll = tally.plus(billedUsageInAll);
        LocalDate oldestKept = billedUsageByDay.lastKey().minusDays(USAGE_DAYS_KEPT);
        billedUsageByDay.headMap(oldestKept).clear();
    }

    /** The subscription keeps one service per product: a product added again replaces the ongoing stay. */
    private void addService(SubscriptionService service) {
        services.put(service.productCode(), service);
        var stay = ServiceStay.of(service);
        endStays(service.productCode(), stay.billableFrom());
        stays.removeIf(existing -> existing.is(stay.productCode(), stay.billableFrom()));
        stays.add(stay);
    }

    private void removeService(String productCode, LocalDate on) {
        services.remove(productCode);
        directives.remove(productCode);
        endStays(productCode, on);
    }

    private void endStays(String productCode, LocalDate on) {
        ongoingStays(productCode).forEach(stay -> stay.endOn(on));
        prune();
    }

    private List<ServiceStay> ongoingStays(String productCode) {
        return stays.stream().filter(stay -> stay.ongoing() && stay.productCode().equals(productCode)).toList();
    }

    private void prune() {
        stays.removeIf(ServiceStay::settled);
    }

    private static SubscriptionService withDistributors(SubscriptionService service, Set<String> distributorIds) {
        return new SubscriptionService(service.productCode(), service.components(), service.effectiveDate(),
                service.billablePeriodStartDate(), service.billingEffectiveDate(), distributorIds);
    }

    private static Set<String> with(Set<String> ids, String id) {
        var result = new LinkedHashSet<>(ids);
        result.add(id);
        return result;
    }

    private static Set<String> without(Set<String> ids, String id) {
        var result = new LinkedHashSet<>(ids);
        result.remove(id);
        return result;
    }

    /** Whether the events applied so far created a subscription. */
    public boolean exists() {
        return subscriptionId != null;
    }

    public String subscriptionId() {
        return subscriptionId;
    }

    public String accountId() {
        return accountId;
    }

    public String owningUnit() {
        return owningUnit;
    }

    public String subscriptionTypeCode() {
        return subscriptionTypeCode;
    }

    public SubscriptionState state() {
        return state;
    }

    public LocalDate createdOn() {
        return createdOn;
    }

    public BillingTerms billingTerms() {
        return billingTerms;
    }

    /** Whether it was ever effective: only then is the binding period (and its penalty) in force. */
    public boolean everEffective() {
        return billingAnchor != null;
    }

    /** The date the subscription became effective, which its billing periods count from; null for a draft. */
    public LocalDate billingAnchor() {
        return billingAnchor;
    }

    /** The date it was activated on (the billing anchor: a shop sale's creation date); null while a draft. */
    public LocalDate activatedOn() {
        return billingAnchor;
    }

    /** Its deactivations, oldest first (the last one open while it is deactivated). */
    public List<Interruption> interruptions() {
        return Collections.unmodifiableList(interruptions);
    }

    /** The date it was deactivated on while it is deactivated, else null. */
    public LocalDate deactivatedOn() {
        return deactivatedOn;
    }

    /** When it was terminated (the end of every service), else null. */
    public LocalDate terminatedOn() {
        return terminatedOn;
    }

    /** How far termed services are billed (exclusive), from the last bill; null before the first bill. */
    public LocalDate billedThrough() {
        return billedThrough;
    }

    /** The next billing date the last bill recorded; null before the first bill. */
    public LocalDate nextBillingDate() {
        return nextBillingDate;
    }

    /** The distributors on the subscription now, by id, in the order they were added. */
    public Map<String, Distributor> distributors() {
        return Collections.unmodifiableMap(distributors);
    }

    /** The termed services on the subscription now, by product code, in the order they were added. */
    public Map<String, SubscriptionService> services() {
        return Collections.unmodifiableMap(services);
    }

    /** The installed items on the subscription now, by serial number. */
    public Map<String, InstalledItem> installedItems() {
        return Collections.unmodifiableMap(installedItems);
    }

    /** The stays of termed services not settled yet, in the order they were added (billing's view of services). */
    public List<ServiceStay> stays() {
        return Collections.unmodifiableList(stays);
    }

    /** The billing directive of a service on the subscription: BILL unless one was set. */
    public BillingDirective directive(String productCode) {
        return directives.getOrDefault(productCode, BillingDirective.BILL);
    }

    /**
     * The usage recorded and not billed yet, oldest first: all of it for a reader that folded the stream from its
     * start (billing), only what was folded since for a state read back from a snapshot (the aggregate decides with
     * {@link #unbilledUsageRecords()} and {@link #unbilledUsageTotal()}).
     */
    public Collection<UsageRecorded> unbilledUsage() {
        return Collections.unmodifiableCollection(unbilledUsage.values());
    }

    /** The usage records not billed yet, held or not (those before a snapshot too). */
    public long unbilledUsageRecords() {
        return unbilledUsageRecords;
    }

    /**
     * The unbilled usage records with these ids that are held, counted and summed per day of use: what a
     * {@link SubscriptionBilled} billing them records.
     */
    public java.util.SortedMap<LocalDate, UsageTally> unbilledUsageByDay(Collection<String> recordIds) {
        List<UsageRecorded> records = new ArrayList<>();
        for (String recordId : recordIds) {
            UsageRecorded record = unbilledUsage.get(recordId);
            if (record != null) {
                records.add(record);
            }
        }
        return UsageTally.byDay(records);
    }

    /**
     * The usage billed that was used after {@code after} through {@code through} (days; {@code after} null: all the
     * usage ever billed); null when there is none.
     */
    public UsageTally billedUsage(LocalDate after, LocalDate through) {
        if (after == null) {
            return billedUsageInAll;
        }
        UsageTally tally = null;
        for (UsageTally day : billedUsageByDay.subMap(after, false, through, true).values()) {
            tally = day.plus(tally);
        }
        return tally;
    }

    /** The amount of the usage not billed yet; null when there is none. */
    public Money unbilledUsageTotal() {
        return unbilledUsageTotal;
    }

    /** The one-off charges added and not billed yet, oldest first. */
    public Collection<OneOffChargeAdded> unbilledOneOffCharges() {
        return Collections.unmodifiableCollection(unbilledOneOffCharges.values());
    }

    /** Whether a one-off charge with this (client's) id was ever added: a repeat adds nothing. */
    public boolean hasOneOffCharge(String chargeId) {
        return oneOffChargeIds.contains(chargeId);
    }

    /** Every discount ever added or auto-applied, by discount id in the order they appeared, with applications. */
    public Map<String, SubscriptionDiscount> discounts() {
        return Collections.unmodifiableMap(discounts);
    }

    /** Every period bought in advance, oldest first (billed or not: a bill's discounts ask which one a day is in). */
    public List<BoughtPeriod> boughtPeriods() {
        return List.copyOf(boughtPeriods.values());
    }

    /** Whether a buy-in-advance request with this (client's) id was recorded: a repeat records nothing. */
    public boolean hasBuyInAdvanceRequest(String requestId) {
        return boughtPeriods.containsKey(requestId);
    }

    /**
     * The end (exclusive) of the latest period bought in advance and not billed yet, or null: billing bills through
     * it at once.
     */
    public LocalDate unbilledBoughtThrough() {
        LocalDate billed = billedThrough != null ? billedThrough : billingAnchor;
        return boughtPeriods.values().stream().map(BoughtPeriod::through)
                .filter(through -> billed == null || through.isAfter(billed))
                .max(LocalDate::compareTo).orElse(null);
    }

    /** The sequence number of the last event applied (-1: none). */
    public long version() {
        return version;
    }
}
