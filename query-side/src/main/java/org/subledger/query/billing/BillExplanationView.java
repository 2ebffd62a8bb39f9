package org.subledger.query.billing;

import org.subledger.kernel.billing.BillKind;
import org.subledger.kernel.billing.BillLineKind;
import org.subledger.kernel.billing.BillingDirective;
import org.subledger.kernel.catalog.AdditiveDiscountDefinition;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.rating.RatingLine;
import org.subledger.kernel.subscription.ConcurrentUsage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A bill explained for an auditor: per line, the facts its amount was reached from, each with the id of the stored
 * event it came from ({@code sourceEventIds} lists them all, the bill's own {@code BillIssued} first). Facts the
 * bill itself does not carry (price versions, distributors, discount definitions, usage records) are read from the
 * event store as they stood when the bill was issued ({@code issuedAt}).
 */
public record BillExplanationView(String billId,
                                  String billNumber,
                                  String accountId,
                                  String subscriptionId,
                                  BillKind kind,
                                  LocalDate periodFrom,
                                  LocalDate periodTo,
                                  Money total,
                                  Instant issuedAt,
                                  String billIssuedEventId,
                                  String subscriptionBilledEventId,
                                  PricePlanUsed pricePlan,
                                  List<Line> lines,
                                  List<Section> sections) {

    /**
     * The part of the bill that bills one subscription (lines {@code firstLineNo} to {@code lastLineNo}), with the
     * event that recorded the bill on its stream and the price plan its lines were rated in. A bill of one
     * subscription has one section, whose facts are also the bill's own {@code subscriptionBilledEventId} and
     * {@code pricePlan}; a bill per account has one per subscription (and those two are null).
     */
    public record Section(String subscriptionId, int firstLineNo, int lastLineNo, Money subtotal,
                          String subscriptionBilledEventId, PricePlanUsed pricePlan) {
    }

    /**
     * The price plan the bill's lines were rated in (a conditional plan whose apply conditions held, or its base
     * plan), with the event of its definition and the event that last set the subscription's billing terms.
     */
    public record PricePlanUsed(String code, String name, String kind, String basePlanCode, String definitionEventId,
                                String billingTermsEventId) {
    }

    /** One bill line and what it was worked out from. */
    public record Line(int lineNo,
                       BillLineKind kind,
                       String productCode,
                       String description,
                       LocalDate from,
                       LocalDate to,
                       long quantity,
                       Money amount,
                       Money taxAmount,
                       String reference,
                       RateUsed rate,
                       QuantitySource quantitySource,
                       Integer maturityPeriod,
                       Proration proration,
                       ConcurrentUsage concurrentUsage,
                       BillingDirective directive,
                       List<DiscountUsed> discounts,
                       List<UsageIncluded> usageRecords,
                       OneOffChargeIncluded oneOffCharge,
                       List<String> sourceEventIds) {
    }

    /**
     * The rate applied: the plan it was found in, its version and the date that version took effect (the
     * {@code ProductRateSet} event), its model and basis, the units rated, the rate levels hit with the units and
     * amount of each, and the full-period amount before proration.
     */
    public record RateUsed(String pricePlanCode, Integer version, LocalDate effectiveFrom, String model, String basis,
                           long units, List<RatingLine> levelsHit, Money periodAmount, String eventId) {
    }

    /**
     * Where a service's quantity came from: the distributors (devices) it was provided on when billed, each with the
     * event that put it on the subscription, and the event that last set the service.
     */
    public record QuantitySource(long quantity, String serviceEventId, List<DistributorSource> distributors) {
    }

    public record DistributorSource(String distributorId, String providerCode, String eventId) {
    }

    /** Prorated: {@code daysUsed} days charged of the {@code daysInPeriod} days of the billing period. */
    public record Proration(long daysUsed, long daysInPeriod) {
    }

    /**
     * A discount given on the line (or, on a DISCOUNT line, the discount it is): its definition as it stood when the
     * bill was issued, what it took, the lines it discounted, the criteria that held and the application counted,
     * with the events of its definition, of its adding to the subscription (none for an auto-apply discount) and of
     * this application ({@code appliedEventId}: the bill's {@code SubscriptionBilled}, which carries its applications
     * since its revision 2; the application's own {@code DiscountApplied} on older bills).
     */
    public record DiscountUsed(String discountId,
                               String definitionCode,
                               Money amount,
                               Integer applicationNumber,
                               List<String> lines,
                               List<String> criteria,
                               AdditiveDiscountDefinition definition,
                               String definitionEventId,
                               String addedEventId,
                               String appliedEventId) {
    }

    /** A usage record the line bills, as recorded and rated, with its {@code UsageRecorded} event. */
    public record UsageIncluded(String recordId, String productCode, String usageCatalogCode,
                                LocalDateTime usedAt, Money amount, RatingLine rate, String eventId) {
    }

    /** The one-off charge the line bills, with its {@code OneOffChargeAdded} event. */
    public record OneOffChargeIncluded(String chargeId, LocalDate chargedOn, long units, String eventId) {
    }
}
