package org.subledger.projection.catalog;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.subledger.kernel.catalog.BundleComponent;
import org.subledger.kernel.catalog.Condition;
import org.subledger.kernel.catalog.ConditionAttribute;
import org.subledger.kernel.catalog.FlexibleBundleRules;
import org.subledger.kernel.catalog.PricePlanDefinition;
import org.subledger.kernel.catalog.PricePlanKind;
import org.subledger.kernel.catalog.ProductDefinition;
import org.subledger.kernel.catalog.UsageCatalogDefinition;
import org.subledger.kernel.catalog.UsageServiceEntry;
import org.subledger.kernel.catalog.Validity;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.rating.Rate;
import org.subledger.kernel.rating.RateLevel;
import org.subledger.kernel.rating.RateModel;
import org.subledger.kernel.rating.TierBasis;
import org.subledger.kernel.rating.UsageRate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Catalog definitions and their events as the command side would store them. */
final class CatalogSamples {

    static final Instant CREATED = Instant.parse("2025-04-01T08:00:00Z");

    private CatalogSamples() {
    }

    static String code(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static ProductDefinition product(String code, String family, Validity validity) {
        return new ProductDefinition(code, "ALT-1", "Gold \"premium\" package\nwith sports", "TV-PACKAGE", "AluxSat",
                family, List.of("TV", family), validity, new BigDecimal("19"),
                List.of(new BundleComponent("DECODER", 1)),
                new FlexibleBundleRules(List.of("EUROSPORT-1"), List.of(), List.of("Sports"), null, 2),
                Map.of("NAGRA", "NML-GOLD", "ACME", "A-1"));
    }

    static PricePlanDefinition vipPlan(String code) {
        return new PricePlanDefinition(code, "VIP customers", PricePlanKind.CONDITIONAL, "STANDARD", "EUR",
                List.of(vip()), List.of(vip()), List.of("Customer Care Managers"));
    }

    static UsageCatalogDefinition movies(String code) {
        var night = new UsageRate.TimeOfDayRate(LocalTime.of(0, 1), LocalTime.of(6, 59), eur("2.00"));
        return new UsageCatalogDefinition(code, "Movies", "NAGRA",
                new Validity(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31)),
                List.of(new UsageServiceEntry("BRAVEHEART", "1AQ82", new UsageRate(eur("3.00"), List.of(night)),
                        new Validity(LocalDate.of(2025, 6, 1), null), "PPV-MOVIES")),
                List.of(vip()));
    }

    static Rate tiered() {
        return new Rate(RateModel.TIERED, TierBasis.QUANTITY, eur("10"),
                List.of(RateLevel.of(1, 1L, eur("10")), RateLevel.of(2, null, eur("8"))));
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    static DomainEventMessage<?> event(String aggregateId, long sequenceNumber, Object payload, Instant timestamp) {
        return new GenericDomainEventMessage<>("Catalog", aggregateId, sequenceNumber, payload,
                MetaData.emptyInstance(), UUID.randomUUID().toString(), timestamp);
    }

    private static Condition vip() {
        return new Condition(ConditionAttribute.ACCOUNT_CLASSIFICATION, List.of("VIP"));
    }
}
