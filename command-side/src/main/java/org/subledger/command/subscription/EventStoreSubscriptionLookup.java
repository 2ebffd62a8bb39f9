package org.subledger.command.subscription;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.subledger.command.charging.PriceList;
import org.subledger.command.eventstore.AggregateIds;
import org.subledger.command.account.AccountSnapshot;
import org.subledger.kernel.account.AccountPosting;
import org.subledger.kernel.account.AccountState;
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
import org.subledger.kernel.catalog.ProductTypeAmended;
import org.subledger.kernel.catalog.ProductTypeCreated;
import org.subledger.kernel.catalog.ProductTypeDefinition;
import org.subledger.kernel.catalog.SubscriptionTypeAmended;
import org.subledger.kernel.catalog.SubscriptionTypeCreated;
import org.subledger.kernel.catalog.SubscriptionTypeDefinition;
import org.subledger.kernel.catalog.UsageCatalogAmended;
import org.subledger.kernel.catalog.UsageCatalogCreated;
import org.subledger.kernel.catalog.UsageCatalogDefinition;
import org.subledger.kernel.rating.Rate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Reads the account and the catalog entries a subscription needs by folding their own events from the event store,
 * inside the command's unit of work: a consistent read of the aggregates' history, not of a projection.
 *
 * <p>Why not the aggregates' repositories, as the catalog does: the Account and catalog aggregates and their
 * accessors are package-private to their own packages. Folding the handful of events that define the facts needed
 * here gives the same answer, and events of other types (a price plan's rates) are skipped on their payload type
 * without being deserialised. The account is folded by its stream's one {@link AccountState}, from the Account
 * aggregate's latest snapshot when it has one; of the postings after it only the last before each other fact is
 * deserialised: each posting records the balance right after it.
 *
 * <p>No index says which usage catalogs list a usage service: the usage catalogs' ids are listed from the event
 * store ({@link AggregateIds}) with the last sequence number of each, and each catalog's definition folded from its
 * stream when that number moved. There are a handful of them.
 */
@Component
class EventStoreSubscriptionLookup implements SubscriptionLookup {

    private static final String USAGE_CATALOGS = CatalogIds.usageCatalog("");

    private final EventStore eventStore;
    private final PriceList priceList;
    private final AggregateIds aggregateIds;
    /** Usage catalogs by aggregate id, with the last sequence number they were folded at; a handful of entries. */
    private final Map<String, FoldedCatalog> usageCatalogs = new ConcurrentHashMap<>();

    EventStoreSubscriptionLookup(@Lazy EventStore eventStore, PriceList priceList, AggregateIds aggregateIds) {
        this.eventStore = eventStore;
        this.priceList = priceList;
        this.aggregateIds = aggregateIds;
    }

    @Override
    public Optional<AccountFacts> account(String accountId) {
        if (isBlank(accountId)) {
            return Optional.empty();
        }
        // from the Account aggregate's latest snapshot, when it has one, then the events after it
        DomainEventStream events = eventStore.readEvents(accountId);
        AccountState state = new AccountState();
        DomainEventMessage<?> pendingPosting = null;
        while (events.hasNext()) {
            DomainEventMessage<?> message = events.next();
            Class<?> type = message.getPayloadType();
            if (AccountPosting.class.isAssignableFrom(type)) {
                pendingPosting = message; // only the last one before another fact matters: it holds the balance
                continue;
            }
            if (!AccountState.EVENT_TYPES.contains(type) && !AccountSnapshot.class.isAssignableFrom(type)) {
                continue;
            }
            pendingPosting = apply(state, pendingPosting);
            Object event = message.getPayload();
            if (event instanceof AccountSnapshot snapshot) {
                state = snapshot.state();
            } else {
                apply(state, message);
            }
        }
        apply(state, pendingPosting);
        if (!state.isOpened()) {
            return Optional.empty();
        }
        return Optional.of(new AccountFacts(state.accountId(), state.type(), state.currency(), state.classification(),
                state.creditRating(), state.address(), state.closed(), state.balance(), state.creditLimit(),
                state.owningUnit()));
    }

    private static DomainEventMessage<?> apply(AccountState state, DomainEventMessage<?> message) {
        if (message != null) {
            state.apply(message.getPayload(), message.getSequenceNumber(), message.getTimestamp());
        }
        return null;
    }

    @Override
    public Optional<SubscriptionTypeDefinition> subscriptionType(String code) {
        return latest(code, CatalogIds::subscriptionType, SubscriptionTypeCreated.class,
                SubscriptionTypeCreated::definition, SubscriptionTypeAmended.class,
                SubscriptionTypeAmended::definition);
    }

    @Override
    public Optional<BillingTermSchemeDefinition> billingTermScheme(String code) {
        return latest(code, CatalogIds::billingTermScheme, BillingTermSchemeCreated.class,
                BillingTermSchemeCreated::definition, BillingTermSchemeAmended.class,
                BillingTermSchemeAmended::definition);
    }

    @Override
    public Optional<PricePlanDefinition> pricePlan(String code) {
        return latest(code, CatalogIds::pricePlan, PricePlanCreated.class, PricePlanCreated::definition,
                PricePlanAmended.class, PricePlanAmended::definition);
    }

    @Override
    public Optional<ProductDefinition> product(String code) {
        return latest(code, CatalogIds::product, ProductCreated.class, ProductCreated::definition,
                ProductAmended.class, ProductAmended::definition);
    }

    @Override
    public Optional<ProductTypeDefinition> productType(String code) {
        return latest(code, CatalogIds::productType, ProductTypeCreated.class, ProductTypeCreated::definition,
                ProductTypeAmended.class, ProductTypeAmended::definition);
    }

    @Override
    public Optional<AdditiveDiscountDefinition> additiveDiscount(String code) {
        return latest(code, CatalogIds::additiveDiscount, AdditiveDiscountCreated.class,
                AdditiveDiscountCreated::definition, AdditiveDiscountAmended.class,
                AdditiveDiscountAmended::definition);
    }

    @Override
    public List<UsageCatalogDefinition> usageCatalogsOffering(String productCode) {
        if (isBlank(productCode)) {
            return List.of();
        }
        List<UsageCatalogDefinition> offering = new ArrayList<>();
        aggregateIds.lastSequenceNumbersStartingWith(USAGE_CATALOGS).forEach((id, lastSequence) ->
                usageCatalog(id, lastSequence).filter(catalog -> catalog.services().stream()
                        .anyMatch(service -> productCode.equals(service.productCode()))).ifPresent(offering::add));
        return offering;
    }

    /**
     * A usage catalog as last defined: folded once per version of its stream, not on every usage command (a
     * mediation batch sends one per subscription). A stream that grew is folded again, so this is as consistent as
     * reading it.
     */
    private Optional<UsageCatalogDefinition> usageCatalog(String aggregateId, Long lastSequence) {
        if (lastSequence != null) {
            FoldedCatalog folded = usageCatalogs.get(aggregateId);
            if (folded != null && folded.lastSequence() == lastSequence) {
                return folded.definition();
            }
        }
        Optional<UsageCatalogDefinition> definition = latest(aggregateId.substring(USAGE_CATALOGS.length()),
                CatalogIds::usageCatalog, UsageCatalogCreated.class, UsageCatalogCreated::definition,
                UsageCatalogAmended.class, UsageCatalogAmended::definition);
        if (lastSequence != null) {
            usageCatalogs.put(aggregateId, new FoldedCatalog(lastSequence, definition));
        }
        return definition;
    }

    private record FoldedCatalog(long lastSequence, Optional<UsageCatalogDefinition> definition) {
    }

    @Override
    public Optional<Rate> rateInForce(String pricePlanCode, String productCode, LocalDate on) {
        return isBlank(pricePlanCode) || isBlank(productCode) ? Optional.empty()
                : priceList.rateInForce(pricePlanCode, productCode, on);
    }

    /** A catalog entry's definition as its latest created / amended event left it. */
    private <C, A, D> Optional<D> latest(String code, Function<String, String> aggregateId,
                                         Class<C> created, Function<C, D> createdDefinition,
                                         Class<A> amended, Function<A, D> amendedDefinition) {
        if (isBlank(code)) {
            return Optional.empty();
        }
        D definition = null;
        for (Object event : payloads(aggregateId.apply(code), Set.of(created, amended))) {
            definition = created.isInstance(event) ? createdDefinition.apply(created.cast(event))
                    : amendedDefinition.apply(amended.cast(event));
        }
        return Optional.ofNullable(definition);
    }

    /** The payloads of the aggregate's events of the given types, in order; others are never deserialised. */
    private List<Object> payloads(String aggregateId, Set<Class<?>> types) {
        DomainEventStream events = eventStore.readEvents(aggregateId, 0);
        List<Object> payloads = new ArrayList<>();
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (types.contains(event.getPayloadType())) {
                payloads.add(event.getPayload());
            }
        }
        return payloads;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
