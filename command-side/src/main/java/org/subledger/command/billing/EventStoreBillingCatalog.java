package org.subledger.command.billing;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.subledger.kernel.catalog.AdditiveDiscountAmended;
import org.subledger.kernel.catalog.AdditiveDiscountCreated;
import org.subledger.kernel.catalog.AdditiveDiscountDefinition;
import org.subledger.kernel.catalog.BillingTermSchemeAmended;
import org.subledger.kernel.catalog.BillingTermSchemeCreated;
import org.subledger.kernel.catalog.BillingTermSchemeDefinition;
import org.subledger.kernel.catalog.CatalogIds;
import org.subledger.kernel.catalog.PricePlanAmended;
import org.subledger.kernel.catalog.PricePlanCreated;
import org.subledger.kernel.catalog.PricePlanDefinition;
import org.subledger.kernel.catalog.ProductAmended;
import org.subledger.kernel.catalog.ProductCreated;
import org.subledger.kernel.catalog.ProductDefinition;
import org.subledger.kernel.catalog.ProductRateSet;
import org.subledger.kernel.catalog.ProductTypeAmended;
import org.subledger.kernel.catalog.ProductTypeCreated;
import org.subledger.kernel.catalog.ProductTypeDefinition;
import org.subledger.kernel.rating.Rate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The catalog as billing reads it: each entry folded from its own aggregate's events in the event store, once per
 * instance (an instance lives for one bill run, a preview or a usage bill, so a run reads the catalog once and rates
 * every subscription against the same catalog). Thread-safe: a run's partitions share it.
 */
public class EventStoreBillingCatalog implements BillingCatalog {

    private final EventStore eventStore;
    private final Supplier<List<AdditiveDiscountDefinition>> listAutoApplyDiscounts;
    private volatile List<AdditiveDiscountDefinition> autoApplyDiscounts;
    // concurrent maps, not synchronized methods: a run's workers ask for the same few entries for every
    // subscription, and once read an entry never changes for the life of this instance
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** Entries kept between instances (usage bills), checked up to date before each; null: none. */
    private final Map<String, Entry> kept;
    private final Map<RateKey, Optional<Rate>> ratesInForce = new ConcurrentHashMap<>();

    /**
     * One catalog aggregate folded: its latest definition and, for a price plan, its price versions, as of its last
     * event ({@code lastSequence}; -1: no event, no such entry).
     */
    record Entry(Optional<?> definition, List<ProductRateSet> versions, long lastSequence) {
    }

    private record RateKey(String pricePlanCode, String productCode, LocalDate on) {
    }

    /** A catalog whose auto-apply discounts are the ones listed once, on first use, by the supplier. */
    EventStoreBillingCatalog(EventStore eventStore, Supplier<List<AdditiveDiscountDefinition>> autoApplyDiscounts) {
        this(eventStore, autoApplyDiscounts, null);
    }

    /**
     * The same, taking an entry from {@code kept} (by aggregate id, every one up to date when this instance is made)
     * before reading it, and adding the entries it reads to it: {@link BillingCatalogs} keeps entries between usage
     * bills. An entry once taken stays this instance's for its life, whatever happens to {@code kept} meanwhile.
     */
    EventStoreBillingCatalog(EventStore eventStore, Supplier<List<AdditiveDiscountDefinition>> autoApplyDiscounts,
                             Map<String, Entry> kept) {
        this.eventStore = eventStore;
        this.listAutoApplyDiscounts = autoApplyDiscounts;
        this.kept = kept;
    }

    /** For reading rates and definitions only: it cannot list the auto-apply discounts, so it bills no bill. */
    public EventStoreBillingCatalog(EventStore eventStore) {
        this(eventStore, null);
    }

    @Override
    public Optional<PricePlanDefinition> pricePlan(String code) {
        return pricePlanStream(code).plan();
    }

    @Override
    public Optional<Rate> rateInForce(String pricePlanCode, String productCode, LocalDate on) {
        if (pricePlanCode == null || productCode == null || on == null) {
            return findRateInForce(pricePlanCode, productCode, on);
        }
        return ratesInForce.computeIfAbsent(new RateKey(pricePlanCode, productCode, on),
                key -> findRateInForce(pricePlanCode, productCode, on));
    }

    private Optional<Rate> findRateInForce(String pricePlanCode, String productCode, LocalDate on) {
        Set<String> visited = new HashSet<>();
        String plan = pricePlanCode;
        while (plan != null && visited.add(plan)) {
            ProductRateSet inForce = null;
            for (ProductRateSet version : pricePlanStream(plan).versions()) {
                if (version.productCode().equals(productCode) && !version.effectiveFrom().isAfter(on)
                        && (inForce == null || !version.effectiveFrom().isBefore(inForce.effectiveFrom()))) {
                    inForce = version;
                }
            }
            if (inForce != null) {
                return Optional.of(inForce.rate());
            }
            plan = pricePlanStream(plan).plan().map(PricePlanDefinition::basePlanCode).orElse(null);
        }
        return Optional.empty();
    }

    @Override
    public Optional<ProductDefinition> product(String code) {
        return definition(CatalogIds.product(code), event -> event instanceof ProductCreated created
                ? created.definition() : event instanceof ProductAmended amended ? amended.definition() : null);
    }

    @Override
    public Optional<ProductTypeDefinition> productType(String code) {
        return definition(CatalogIds.productType(code), event -> event instanceof ProductTypeCreated created
                ? created.definition() : event instanceof ProductTypeAmended amended ? amended.definition() : null);
    }

    @Override
    public Optional<BillingTermSchemeDefinition> billingTermScheme(String code) {
        return definition(CatalogIds.billingTermScheme(code), event -> event instanceof BillingTermSchemeCreated created
                ? created.definition()
                : event instanceof BillingTermSchemeAmended amended ? amended.definition() : null);
    }

    @Override
    public Optional<AdditiveDiscountDefinition> additiveDiscount(String code) {
        return code == null ? Optional.empty() : definition(CatalogIds.additiveDiscount(code),
                event -> event instanceof AdditiveDiscountCreated created ? created.definition()
                        : event instanceof AdditiveDiscountAmended amended ? amended.definition() : null);
    }

    /** Listed once per instance (a run, a preview, a usage bill), by {@link AutoApplyDiscounts}. */
    @Override
    public List<AdditiveDiscountDefinition> autoApplyDiscounts() {
        if (listAutoApplyDiscounts == null) {
            throw new IllegalStateException("this catalog was made to read rates and definitions only: it cannot "
                    + "list the auto-apply discounts a bill needs");
        }
        List<AdditiveDiscountDefinition> listed = autoApplyDiscounts;
        if (listed == null) {
            listed = List.copyOf(listAutoApplyDiscounts.get());
            autoApplyDiscounts = listed;
        }
        return listed;
    }

    private record PlanStream(Optional<PricePlanDefinition> plan, List<ProductRateSet> versions) {
    }

    private PlanStream pricePlanStream(String code) {
        if (code == null) {
            return new PlanStream(Optional.empty(), List.of());
        }
        Entry entry = entry(CatalogIds.pricePlan(code), event -> event instanceof PricePlanCreated created
                ? created.definition() : event instanceof PricePlanAmended amended ? amended.definition() : null);
        @SuppressWarnings("unchecked")
        Optional<PricePlanDefinition> plan = (Optional<PricePlanDefinition>) entry.definition();
        return new PlanStream(plan, entry.versions());
    }

    @SuppressWarnings("unchecked")
    private <T> Optional<T> definition(String aggregateId, java.util.function.Function<Object, T> definitionOf) {
        return (Optional<T>) entry(aggregateId, definitionOf).definition();
    }

    private Entry entry(String aggregateId, java.util.function.Function<Object, ?> definitionOf) {
        return entries.computeIfAbsent(aggregateId, id -> {
            Entry entry = kept == null ? null : kept.get(id);
            if (entry == null) {
                entry = read(id, definitionOf);
                if (kept != null) {
                    kept.put(id, entry);
                }
            }
            return entry;
        });
    }

    private <T> Entry read(String aggregateId, java.util.function.Function<Object, T> definitionOf) {
        T latest = null;
        List<ProductRateSet> versions = new ArrayList<>();
        long last = -1;
        var events = eventStore.readEvents(aggregateId, 0);
        while (events.hasNext()) {
            DomainEventMessage<?> message = events.next();
            last = message.getSequenceNumber();
            Object payload = message.getPayload();
            if (payload instanceof ProductRateSet version) {
                versions.add(version);
                continue;
            }
            T definition = definitionOf.apply(payload);
            if (definition != null) {
                latest = definition;
            }
        }
        return new Entry(Optional.ofNullable(latest), List.copyOf(versions), last);
    }
}
