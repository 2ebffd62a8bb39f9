package org.subledger.query.billing;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.subledger.kernel.billing.BillIssued;
import org.subledger.kernel.billing.BillLine;
import org.subledger.kernel.billing.BillLineKind;
import org.subledger.kernel.billing.BillSection;
import org.subledger.kernel.billing.LineExplanation;
import org.subledger.kernel.catalog.PricePlanDefinition;
import org.subledger.kernel.discount.DiscountApplied;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.subscription.SubscriptionService;
import org.subledger.kernel.usage.UsageBatchRecorded;
import org.subledger.query.audit.StoredEventAt;
import org.subledger.query.billing.BillExplanationView.DiscountUsed;
import org.subledger.query.billing.BillExplanationView.DistributorSource;
import org.subledger.query.billing.BillExplanationView.Line;
import org.subledger.query.billing.BillExplanationView.OneOffChargeIncluded;
import org.subledger.query.billing.BillExplanationView.PricePlanUsed;
import org.subledger.query.billing.BillExplanationView.Proration;
import org.subledger.query.billing.BillExplanationView.QuantitySource;
import org.subledger.query.billing.BillExplanationView.RateUsed;
import org.subledger.query.billing.BillExplanationView.Section;
import org.subledger.query.billing.BillExplanationView.UsageIncluded;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Explains a bill from the event store: the lines as its {@code BillIssued} recorded them, and the facts behind each
 * line from the subscription's stream (up to the bill's {@code SubscriptionBilled}) and the catalog's streams (up to
 * the bill's instant). Never from a read model, so what it says is what history says; shipped events are not
 * changed to carry more. A usage record of a mediation batch recorded as one event is on no stream: the event that
 * holds it is found through {@code batch_usage_event} (billing's index of those events, written with them) and read
 * from the event store.
 */
@Component
class BillExplainer {

    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final StoredEventAt eventAt;

    BillExplainer(EventStore eventStore, JdbcTemplate jdbc, StoredEventAt eventAt) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.eventAt = eventAt;
    }

    BillExplanationView explain(String billId) {
        DomainEventMessage<?> issuedEvent = issued(billId);
        BillIssued bill = (BillIssued) issuedEvent.getPayload();
        Set<String> references = bill.lines().stream().map(BillLine::reference).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        var catalog = new CatalogAsOf(eventStore, issuedEvent.getTimestamp());
        // each section's lines are explained with the facts of its own subscription's stream
        var noFacts = new Explaining(issuedEvent.getIdentifier(), null, catalog);
        List<Explaining> explainings = new ArrayList<>();
        List<Section> sections = new ArrayList<>();
        for (BillSection section : bill.sections()) {
            SubscriptionFacts facts = SubscriptionFacts.of(eventStore.readEvents(section.subscriptionId(), 0),
                    billId, references);
            addBatchUsage(facts, section.subscriptionId(), bill.lines().stream()
                    .filter(line -> section.holds(line.lineNo()) && line.kind() == BillLineKind.USAGE
                            && line.reference() != null && facts.usage(line.reference()) == null)
                    .map(BillLine::reference).toList());
            String planCode = planCode(bill.lines().stream().filter(line -> section.holds(line.lineNo())));
            explainings.add(new Explaining(issuedEvent.getIdentifier(), facts, catalog));
            sections.add(new Section(section.subscriptionId(), section.firstLineNo(), section.lastLineNo(),
                    section.total(), facts.billed() == null ? null : facts.billed().eventId(),
                    planCode == null ? null : pricePlan(planCode, facts, catalog)));
        }
        List<Line> lines = new ArrayList<>();
        for (BillLine line : bill.lines()) {
            Explaining explaining = noFacts;
            for (int i = 0; i < sections.size(); i++) {
                if (bill.sections().get(i).holds(line.lineNo())) {
                    explaining = explainings.get(i);
                }
            }
            lines.add(explaining.line(line));
        }
        // a bill of one subscription answers its facts at the top, as it always did; a bill per account in sections
        Section only = sections.size() == 1 ? sections.get(0) : null;
        String planCode = planCode(bill.lines().stream());
        PricePlanUsed pricePlan = only != null ? only.pricePlan()
                : sections.isEmpty() && planCode != null ? pricePlan(planCode, null, catalog) : null;
        return new BillExplanationView(bill.billId(), bill.billNumber(), bill.accountId(), bill.subscriptionId(),
                bill.kind(), bill.periodFrom(), bill.periodTo(), bill.total(), issuedEvent.getTimestamp(),
                issuedEvent.getIdentifier(), only == null ? null : only.subscriptionBilledEventId(), pricePlan, lines,
                sections);
    }

    /** The section's usage records its stream does not hold, from the batch events that recorded them. */
    private void addBatchUsage(SubscriptionFacts facts, String subscriptionId, List<String> recordIds) {
        if (recordIds.isEmpty()) {
            return;
        }
        Map<Long, Set<String>> byEvent = new LinkedHashMap<>();
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("""
                    select u.record_id, e.global_index from batch_usage_event u
                    join domain_event_entry e on e.event_identifier = u.event_id
                    where u.subscription_id = ? and u.record_id = any (?) order by e.global_index""");
            statement.setString(1, subscriptionId);
            statement.setArray(2, connection.createArrayOf("varchar", recordIds.toArray()));
            return statement;
        }, row -> {
            byEvent.computeIfAbsent(row.getLong(2), index -> new HashSet<>()).add(row.getString(1));
        });
        byEvent.forEach((globalIndex, ids) -> {
            TrackedEventMessage<?> event = eventAt.read(globalIndex);
            if (event != null && event.getPayload() instanceof UsageBatchRecorded batch) {
                batch.recordsOf(subscriptionId).stream().filter(record -> ids.contains(record.recordId()))
                        .forEach(record -> facts.recordedInBatch(record, event.getIdentifier()));
            }
        });
    }

    private static String planCode(java.util.stream.Stream<BillLine> lines) {
        return lines.map(BillLine::explanation).filter(Objects::nonNull).map(LineExplanation::pricePlanCode)
                .filter(Objects::nonNull).findFirst().orElse(null);
    }

    private DomainEventMessage<?> issued(String billId) {
        var events = eventStore.readEvents(billId, 0);
        while (events.hasNext()) {
            var event = events.next();
            if (event.getPayload() instanceof BillIssued) {
                return event;
            }
        }
        throw new LedgerRefusal(ErrorCode.BILL_NOT_FOUND, "No bill " + billId + ".");
    }

    private static PricePlanUsed pricePlan(String code, SubscriptionFacts facts, CatalogAsOf catalog) {
        var plan = catalog.pricePlan(code);
        PricePlanDefinition definition = plan.map(Sourced::fact).orElse(null);
        return new PricePlanUsed(code, definition == null ? null : definition.name(),
                definition == null || definition.kind() == null ? null : definition.kind().name(),
                definition == null ? null : definition.basePlanCode(), plan.map(Sourced::eventId).orElse(null),
                facts == null || facts.billingTerms() == null ? null : facts.billingTerms().eventId());
    }

    /** One bill's lines explained, each with the events it rests on. */
    private record Explaining(String billIssuedEventId, SubscriptionFacts facts, CatalogAsOf catalog) {

        Line line(BillLine line) {
            LineExplanation explanation = line.explanation();
            var eventIds = new LinkedHashSet<String>();
            eventIds.add(billIssuedEventId);
            RateUsed rate = rate(line, explanation);
            QuantitySource quantity = quantitySource(line);
            List<DiscountUsed> discounts = discounts(line);
            List<UsageIncluded> usage = usage(line);
            OneOffChargeIncluded oneOff = oneOff(line);
            if (rate != null) {
                eventIds.add(rate.eventId());
            }
            if (quantity != null) {
                eventIds.add(quantity.serviceEventId());
                quantity.distributors().forEach(distributor -> eventIds.add(distributor.eventId()));
            }
            discounts.forEach(discount -> {
                eventIds.add(discount.definitionEventId());
                eventIds.add(discount.addedEventId());
                eventIds.add(discount.appliedEventId());
            });
            usage.forEach(record -> eventIds.add(record.eventId()));
            if (oneOff != null) {
                eventIds.add(oneOff.eventId());
            }
            eventIds.remove(null);
            Proration proration = explanation == null || explanation.daysCharged() == null
                    || explanation.daysInPeriod() == null ? null
                    : new Proration(explanation.daysCharged(), explanation.daysInPeriod());
            return new Line(line.lineNo(), line.kind(), line.productCode(), line.description(), line.from(),
                    line.to(), line.quantity(), line.amount(), line.taxAmount(), line.reference(),
                    rate, quantity, explanation == null ? null : explanation.maturityPeriod(), proration,
                    explanation == null ? null : explanation.concurrentUsage(),
                    explanation == null ? null : explanation.directive(), discounts, usage, oneOff,
                    List.copyOf(eventIds));
        }

        /**
         * The rate as the line's explanation recorded it, with the price version it came from: the one in force on
         * the charge date, or on the first day the line charges (billing rates a period at its start; a version
         * starting within a partial period is not told apart).
         */
        private RateUsed rate(BillLine line, LineExplanation explanation) {
            if (explanation == null || line.kind() == BillLineKind.DISCOUNT) {
                return null;
            }
            if (line.kind() == BillLineKind.USAGE) {
                var record = facts == null ? null : facts.usage(line.reference());
                return new RateUsed(null, null, null, null, null, explanation.units(), explanation.tiers(),
                        explanation.periodAmount(), record == null ? null : record.eventId());
            }
            var version = catalog.rateInForce(explanation.pricePlanCode(), line.productCode(), line.from());
            return new RateUsed(version.map(v -> v.fact().pricePlanCode()).orElse(explanation.pricePlanCode()),
                    version.map(v -> v.fact().version()).orElse(null),
                    version.map(v -> v.fact().effectiveFrom()).orElse(null),
                    explanation.rateModel() != null ? explanation.rateModel()
                            : version.map(v -> v.fact().rate().model().name()).orElse(null),
                    explanation.tierBasis() != null ? explanation.tierBasis()
                            : version.map(v -> v.fact().rate().basis().name()).orElse(null),
                    explanation.units(), explanation.tiers(), explanation.periodAmount(),
                    version.map(Sourced::eventId).orElse(null));
        }

        private QuantitySource quantitySource(BillLine line) {
            if (facts == null || (line.kind() != BillLineKind.RECURRING && line.kind() != BillLineKind.CREDIT)) {
                return null;
            }
            var service = facts.service(line.productCode());
            if (service == null) {
                return null;
            }
            SubscriptionService current = service.fact();
            List<DistributorSource> distributors = new ArrayList<>();
            current.distributorIds().stream().sorted().forEach(id -> {
                var distributor = facts.distributor(id);
                distributors.add(new DistributorSource(id,
                        distributor == null ? null : distributor.fact().providerCode(),
                        distributor == null ? null : distributor.eventId()));
            });
            return new QuantitySource(line.quantity(), service.eventId(), distributors);
        }

        private List<DiscountUsed> discounts(BillLine line) {
            if (facts == null) {
                return List.of();
            }
            String lineName = line.lineNo() + " " + line.productCode();
            List<DiscountUsed> used = new ArrayList<>();
            for (Sourced<DiscountApplied> applied : facts.discountsApplied()) {
                DiscountApplied discount = applied.fact();
                boolean isThisLine = line.kind() == BillLineKind.DISCOUNT
                        && discount.discountId().equals(line.reference())
                        && (discount.periodStart() == null || discount.periodStart().equals(line.from()));
                if (isThisLine || (line.kind() != BillLineKind.DISCOUNT && discount.lines().contains(lineName))) {
                    used.add(discountUsed(applied));
                }
            }
            if (used.isEmpty() && line.kind() == BillLineKind.DISCOUNT) {
                // several applications of one discount on a bill: the line names the discount, not the period
                facts.discountsApplied().stream().filter(applied -> applied.fact().discountId()
                        .equals(line.reference())).map(this::discountUsed).forEach(used::add);
            }
            return Collections.unmodifiableList(used);
        }

        private DiscountUsed discountUsed(Sourced<DiscountApplied> applied) {
            DiscountApplied discount = applied.fact();
            var definition = catalog.additiveDiscount(discount.definitionCode());
            var added = facts.discountAdded(discount.discountId());
            return new DiscountUsed(discount.discountId(), discount.definitionCode(), discount.amount(),
                    discount.applicationNumber(), discount.lines(), discount.criteria(),
                    definition.map(Sourced::fact).orElse(null), definition.map(Sourced::eventId).orElse(null),
                    added == null ? null : added.eventId(), applied.eventId());
        }

        private List<UsageIncluded> usage(BillLine line) {
            if (facts == null || line.kind() != BillLineKind.USAGE || line.reference() == null) {
                return List.of();
            }
            var record = facts.usage(line.reference());
            if (record == null) {
                return List.of();
            }
            var usage = record.fact();
            return List.of(new UsageIncluded(usage.recordId(), usage.productCode(), usage.usageCatalogCode(),
                    usage.usedAt(), usage.amount(), usage.explanation(), record.eventId()));
        }

        private OneOffChargeIncluded oneOff(BillLine line) {
            if (facts == null || line.kind() != BillLineKind.ONE_OFF || line.reference() == null) {
                return null;
            }
            var charge = facts.oneOffCharge(line.reference());
            return charge == null ? null : new OneOffChargeIncluded(charge.fact().chargeId(),
                    charge.fact().chargedOn(), charge.fact().units(), charge.eventId());
        }
    }
}
