package org.subledger.command.job;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.subledger.command.subscription.AccountFacts;
import org.subledger.command.subscription.SubscriptionLookup;
import org.subledger.kernel.catalog.ActivityTypeAmended;
import org.subledger.kernel.catalog.ActivityTypeCreated;
import org.subledger.kernel.catalog.ActivityTypeDefinition;
import org.subledger.kernel.catalog.AdditiveDiscountDefinition;
import org.subledger.kernel.catalog.BillingTermSchemeDefinition;
import org.subledger.kernel.catalog.CatalogIds;
import org.subledger.kernel.catalog.JobTypeAmended;
import org.subledger.kernel.catalog.JobTypeCreated;
import org.subledger.kernel.catalog.JobTypeDefinition;
import org.subledger.kernel.catalog.PricePlanDefinition;
import org.subledger.kernel.catalog.ProductDefinition;
import org.subledger.kernel.catalog.ProductTypeDefinition;
import org.subledger.kernel.subscription.SubscriptionCreated;

import java.util.Optional;

/**
 * The account and the catalog entries a subscription reads are read the subscription's way ({@link
 * SubscriptionLookup}: the account's stream folded by its one state class); job and activity types, which only jobs
 * read, are folded here from their own few events.
 */
@Component
class EventStoreJobLookup implements JobLookup {

    private final SubscriptionLookup reads;
    private final EventStore eventStore;

    EventStoreJobLookup(SubscriptionLookup reads, @Lazy EventStore eventStore) {
        this.reads = reads;
        this.eventStore = eventStore;
    }

    @Override
    public Optional<AccountFacts> account(String accountId) {
        return reads.account(accountId);
    }

    @Override
    public Optional<JobTypeDefinition> jobType(String code) {
        JobTypeDefinition definition = null;
        for (Object event : payloads(code == null ? null : CatalogIds.jobType(code))) {
            if (event instanceof JobTypeCreated created) {
                definition = created.definition();
            } else if (event instanceof JobTypeAmended amended) {
                definition = amended.definition();
            }
        }
        return Optional.ofNullable(definition);
    }

    @Override
    public Optional<ActivityTypeDefinition> activityType(String code) {
        ActivityTypeDefinition definition = null;
        for (Object event : payloads(code == null ? null : CatalogIds.activityType(code))) {
            if (event instanceof ActivityTypeCreated created) {
                definition = created.definition();
            } else if (event instanceof ActivityTypeAmended amended) {
                definition = amended.definition();
            }
        }
        return Optional.ofNullable(definition);
    }

    @Override
    public Optional<BillingTermSchemeDefinition> billingTermScheme(String code) {
        return reads.billingTermScheme(code);
    }

    @Override
    public Optional<PricePlanDefinition> pricePlan(String code) {
        return reads.pricePlan(code);
    }

    @Override
    public Optional<ProductDefinition> product(String code) {
        return reads.product(code);
    }

    @Override
    public Optional<ProductTypeDefinition> productType(String code) {
        return reads.productType(code);
    }

    @Override
    public Optional<AdditiveDiscountDefinition> additiveDiscount(String code) {
        return reads.additiveDiscount(code);
    }

    @Override
    public Optional<String> accountOfSubscription(String subscriptionId) {
        // the stream's first event says whose it is; an id of another kind of aggregate has no SubscriptionCreated
        return payloads(subscriptionId).stream().findFirst()
                .filter(SubscriptionCreated.class::isInstance)
                .map(created -> ((SubscriptionCreated) created).accountId());
    }

    private java.util.List<Object> payloads(String aggregateId) {
        java.util.List<Object> payloads = new java.util.ArrayList<>();
        if (aggregateId == null || aggregateId.isBlank()) {
            return payloads;
        }
        DomainEventStream events = eventStore.readEvents(aggregateId, 0);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            payloads.add(event.getPayload());
        }
        return payloads;
    }
}
