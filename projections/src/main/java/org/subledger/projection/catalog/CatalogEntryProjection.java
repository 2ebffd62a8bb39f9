package org.subledger.projection.catalog;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.subledger.kernel.catalog.ActivityTypeAmended;
import org.subledger.kernel.catalog.ActivityTypeCreated;
import org.subledger.kernel.catalog.AdditiveDiscountAmended;
import org.subledger.kernel.catalog.AdditiveDiscountCreated;
import org.subledger.kernel.catalog.BuyInAdvanceDefinitionAmended;
import org.subledger.kernel.catalog.EventChargeRuleAmended;
import org.subledger.kernel.catalog.EventChargeRuleCreated;
import org.subledger.kernel.catalog.BuyInAdvanceDefinitionCreated;
import org.subledger.kernel.catalog.BillingTermSchemeAmended;
import org.subledger.kernel.catalog.BillingTermSchemeCreated;
import org.subledger.kernel.catalog.JobTypeAmended;
import org.subledger.kernel.catalog.JobTypeCreated;
import org.subledger.kernel.catalog.PricePlanAmended;
import org.subledger.kernel.catalog.PricePlanCreated;
import org.subledger.kernel.catalog.ProductAmended;
import org.subledger.kernel.catalog.ProductCreated;
import org.subledger.kernel.catalog.ProductTypeAmended;
import org.subledger.kernel.catalog.ProductTypeCreated;
import org.subledger.kernel.catalog.ProviderAmended;
import org.subledger.kernel.catalog.ProviderCreated;
import org.subledger.kernel.catalog.SubscriptionTypeAmended;
import org.subledger.kernel.catalog.SubscriptionTypeCreated;
import org.subledger.kernel.catalog.UsageCatalogAmended;
import org.subledger.kernel.catalog.UsageCatalogCreated;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Builds {@code catalog_entry}: one row per catalog entry with its current definition. Creating and amending both
 * replace the whole row (the events carry whole definitions); a row only takes an event newer than the one it
 * reflects, so a redelivered event changes nothing. The catalog is small and changes rarely: one statement per event.
 */
@Component
@ProcessingGroup(CatalogEntryProjection.PROCESSING_GROUP)
class CatalogEntryProjection {

    static final String PROCESSING_GROUP = "catalog-entries";

    private static final String UPSERT = """
            insert into catalog_entry (kind, code, name, product_type_code, family, valid_from, valid_to,
                                       provider_code, definition, created_at, updated_at, version)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)
            on conflict (kind, code) do update set
                name = excluded.name, product_type_code = excluded.product_type_code, family = excluded.family,
                valid_from = excluded.valid_from, valid_to = excluded.valid_to,
                provider_code = excluded.provider_code, definition = excluded.definition,
                updated_at = excluded.updated_at, version = excluded.version
            where catalog_entry.version < excluded.version""";

    private final JdbcTemplate jdbc;

    CatalogEntryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ProductTypeCreated event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        upsert(CatalogEntryRow.of(event.definition()), sequenceNumber, at);
    }

    @EventHandler
    void on(ProductTypeAmended event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        upsert(CatalogEntryRow.of(event.definition()), sequenceNumber, at);
    }

    @EventHandler
    void on(ProductCreated event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        upsert(CatalogEntryRow.of(event.definition()), sequenceNumber, at);
    }

    @EventHandler
    void on(ProductAmended event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        upsert(CatalogEntryRow.of(event.definition()), sequenceNumber, at);
    }

    @EventHandler
    void on(ProviderCreated event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        upsert(CatalogEntryRow.of(event.definition()), sequenceNumber, at);
    }

    @EventHandler
    void on(ProviderAmended event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        upsert(CatalogEntryRow.of(event.definition()), sequenceNumber, at);
    }

    @EventHandler
    void on(PricePlanCreated event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        upsert(CatalogEntryRow.of(event.definition()), sequenceNumber, at);
    }

    @EventHandler
    void on(PricePlanAmended event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        upsert(CatalogEntryRow.of(event.definition()), sequenceNumber, at);
    }

    @EventHandler
    void on(BillingTermSchemeCreated event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        upsert(CatalogEntryRow.of(event.definition()), sequenceNumber, at);
    }

    @EventHandler
    void on(BillingTermSchemeAmended event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        upsert(CatalogEntryRow.of(event.definition()), sequenceNumber, at);
    }

    @EventHandler
    void on(SubscriptionTypeCreated event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        upsert(CatalogEntryRow.of(event.definition()), sequenceNumber, at);
    }

    @EventHandler
    void on(SubscriptionTypeAmended event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        upsert(CatalogEntryRow.of(event.definition()), sequenceNumber, at);
    }

    @EventHandler
    void on(UsageCatalogCreated event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        upsert(CatalogEntryRow.of(event.definition()), sequenceNumber, at);
    }

    @EventHandler
    void on(UsageCatalogAmended event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        upsert(CatalogEntryRow.of(event.definition()), sequenceNumber, at);
    }

    @EventHandler
    void on(JobTypeCreated event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        upsert(CatalogEntryRow.of(event.definition()), sequenceNumber, at);
    }

    @EventHandler
    void on(JobTypeAmended event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        upsert(CatalogEntryRow.of(event.definition()), sequenceNumber, at);
    }

    @EventHandler
    void on(ActivityTypeCreated event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        upsert(CatalogEntryRow.of(event.definition()), sequenceNumber, at);
    }

    @EventHandler
    void on(ActivityTypeAmended event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        upsert(CatalogEntryRow.of(event.definition()), sequenceNumber, at);
    }

    @EventHandler
    void on(AdditiveDiscountCreated event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        upsert(CatalogEntryRow.of(event.definition()), sequenceNumber, at);
    }

    @EventHandler
    void on(AdditiveDiscountAmended event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        upsert(CatalogEntryRow.of(event.definition()), sequenceNumber, at);
    }

    @EventHandler
    void on(BuyInAdvanceDefinitionCreated event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        upsert(CatalogEntryRow.of(event.definition()), sequenceNumber, at);
    }

    @EventHandler
    void on(BuyInAdvanceDefinitionAmended event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        upsert(CatalogEntryRow.of(event.definition()), sequenceNumber, at);
    }

    @EventHandler
    void on(EventChargeRuleCreated event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        upsert(CatalogEntryRow.of(event.definition()), sequenceNumber, at);
    }

    @EventHandler
    void on(EventChargeRuleAmended event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        upsert(CatalogEntryRow.of(event.definition()), sequenceNumber, at);
    }

    @ResetHandler
    void reset() {
        jdbc.execute("truncate table catalog_entry");
    }

    private void upsert(CatalogEntryRow row, long sequenceNumber, Instant at) {
        var time = at.atOffset(ZoneOffset.UTC);
        jdbc.update(UPSERT, row.kind().name(), row.code(), row.name(), row.productTypeCode(), row.family(),
                row.validFrom(), row.validTo(), row.providerCode(), row.definitionJson(), time, time, sequenceNumber);
    }
}
