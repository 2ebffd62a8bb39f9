package org.subledger.query.billing;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.subledger.kernel.catalog.AdditiveDiscountAmended;
import org.subledger.kernel.catalog.AdditiveDiscountCreated;
import org.subledger.kernel.catalog.AdditiveDiscountDefinition;
import org.subledger.kernel.catalog.CatalogIds;
import org.subledger.kernel.catalog.PricePlanAmended;
import org.subledger.kernel.catalog.PricePlanCreated;
import org.subledger.kernel.catalog.PricePlanDefinition;
import org.subledger.kernel.catalog.ProductRateSet;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The catalog entries behind a bill as they stood when it was issued: each folded from its own stream in the event
 * store up to that instant, with the event each definition and price version came from. Billing's own catalog reads
 * the latest definitions; this one must not, since an auditor asks long after the catalog has moved on.
 */
final class CatalogAsOf {

    private record PlanStream(Sourced<PricePlanDefinition> plan, List<Sourced<ProductRateSet>> versions) {
    }

    private final EventStore eventStore;
    private final Instant instant;
    private final Map<String, PlanStream> plans = new HashMap<>();
    private final Map<String, Optional<Sourced<AdditiveDiscountDefinition>>> discounts = new HashMap<>();

    CatalogAsOf(EventStore eventStore, Instant instant) {
        this.eventStore = eventStore;
        this.instant = instant;
    }

    Optional<Sourced<PricePlanDefinition>> pricePlan(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(planStream(code).plan());
    }

    /**
     * The price version of {@code productCode} in force on {@code on}: the plan's own, else its base plan's (as billing
     * rates a conditional plan's products it does not price), the one that started last on or before that date.
     */
    Optional<Sourced<ProductRateSet>> rateInForce(String pricePlanCode, String productCode, LocalDate on) {
        Set<String> visited = new HashSet<>();
        String code = pricePlanCode;
        while (code != null && productCode != null && on != null && visited.add(code)) {
            Sourced<ProductRateSet> inForce = null;
            for (Sourced<ProductRateSet> version : planStream(code).versions()) {
                ProductRateSet rate = version.fact();
                if (rate.productCode().equals(productCode) && !rate.effectiveFrom().isAfter(on)
                        && (inForce == null || !rate.effectiveFrom().isBefore(inForce.fact().effectiveFrom()))) {
                    inForce = version;
                }
            }
            if (inForce != null) {
                return Optional.of(inForce);
            }
            code = pricePlan(code).map(plan -> plan.fact().basePlanCode()).orElse(null);
        }
        return Optional.empty();
    }

    Optional<Sourced<AdditiveDiscountDefinition>> additiveDiscount(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return discounts.computeIfAbsent(code, ignored -> {
            Sourced<AdditiveDiscountDefinition> definition = null;
            var events = eventStore.readEvents(CatalogIds.additiveDiscount(code), 0);
            while (events.hasNext()) {
                var event = events.next();
                if (event.getTimestamp().isAfter(instant)) {
                    break;
                }
                if (event.getPayload() instanceof AdditiveDiscountCreated created) {
                    definition = new Sourced<>(created.definition(), event.getIdentifier());
                } else if (event.getPayload() instanceof AdditiveDiscountAmended amended) {
                    definition = new Sourced<>(amended.definition(), event.getIdentifier());
                }
            }
            return Optional.ofNullable(definition);
        });
    }

    private PlanStream planStream(String code) {
        return plans.computeIfAbsent(code, ignored -> {
            Sourced<PricePlanDefinition> plan = null;
            List<Sourced<ProductRateSet>> versions = new ArrayList<>();
            var events = eventStore.readEvents(CatalogIds.pricePlan(code), 0);
            while (events.hasNext()) {
                var event = events.next();
                if (event.getTimestamp().isAfter(instant)) {
                    break;
                }
                Object payload = event.getPayload();
                if (payload instanceof PricePlanCreated created) {
                    plan = new Sourced<>(created.definition(), event.getIdentifier());
                } else if (payload instanceof PricePlanAmended amended) {
                    plan = new Sourced<>(amended.definition(), event.getIdentifier());
                } else if (payload instanceof ProductRateSet rate) {
                    versions.add(new Sourced<>(rate, event.getIdentifier()));
                }
            }
            return new PlanStream(plan, versions);
        });
    }
}
