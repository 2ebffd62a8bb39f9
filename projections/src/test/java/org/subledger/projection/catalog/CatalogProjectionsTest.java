package org.subledger.projection.catalog;

import static org.subledger.projection.ProcessorReplays.await;
import org.subledger.projection.ProcessorReplays;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.subledger.kernel.catalog.CatalogIds;
import org.subledger.kernel.catalog.PricePlanCreated;
import org.subledger.kernel.catalog.ProductAmended;
import org.subledger.kernel.catalog.ProductCreated;
import org.subledger.kernel.catalog.ProductRateSet;
import org.subledger.kernel.catalog.ProviderCreated;
import org.subledger.kernel.catalog.ProviderDefinition;
import org.subledger.kernel.catalog.RateClassification;
import org.subledger.kernel.catalog.UsageCatalogCreated;
import org.subledger.kernel.catalog.Validity;
import org.subledger.kernel.rating.Rate;
import org.subledger.projection.ProjectionWiringTest;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.projection.catalog.CatalogSamples.CREATED;
import static org.subledger.projection.catalog.CatalogSamples.code;
import static org.subledger.projection.catalog.CatalogSamples.eur;
import static org.subledger.projection.catalog.CatalogSamples.event;

/**
 * The catalog projections on the real wiring: events appended to the JDBC event store on an embedded PostgreSQL,
 * delivered by the pooled streaming processors.
 */
class CatalogProjectionsTest extends ProjectionWiringTest {

    private static final List<String> PROCESSORS = List.of("catalog-entries", "price-versions");
    private static final LocalDate JANUARY = LocalDate.of(2026, 1, 1);
    private static final LocalDate APRIL = LocalDate.of(2026, 4, 1);

    @Autowired
    ProcessorReplays replays;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    TokenStore tokenStore;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void anAmendedProductKeepsOneRowWithTheNewDefinitionAndItsFirstCreation() {
        String code = code("GOLD");
        String id = CatalogIds.product(code);
        eventStore.publish(List.of(
                event(id, 0, new ProductCreated(CatalogSamples.product(code, "Packages", Validity.ALWAYS)), CREATED),
                event(id, 1, new ProductAmended(CatalogSamples.product(code, "Sports",
                        new Validity(JANUARY, APRIL))), CREATED.plusSeconds(60))));

        awaitEntryVersion("PRODUCT", code, 1);
        var row = entry("PRODUCT", code);
        assertThat(row).containsEntry("name", "Gold \"premium\" package\nwith sports")
                .containsEntry("product_type_code", "TV-PACKAGE")
                .containsEntry("family", "Sports")
                .containsEntry("valid_from", Date.valueOf(JANUARY))
                .containsEntry("valid_to", Date.valueOf(APRIL))
                .containsEntry("provider_code", null)
                .containsEntry("created_at", Timestamp.from(CREATED))
                .containsEntry("updated_at", Timestamp.from(CREATED.plusSeconds(60)))
                .containsEntry("version", 1L);
        assertThat(jdbc.queryForObject("select definition #>> '{validity,to}' from catalog_entry where code = ?",
                String.class, code)).isEqualTo("2026-04-01");
        assertThat(jdbc.queryForObject("select definition #>> '{providerProductIds,NAGRA}' from catalog_entry"
                + " where code = ?", String.class, code)).isEqualTo("NML-GOLD");
    }

    @Test
    void eachKindHasItsOwnRowsAndColumns() {
        String code = code("SAME");
        eventStore.publish(List.of(
                event(CatalogIds.provider(code), 0, new ProviderCreated(new ProviderDefinition(code, "Nagra")),
                        CREATED),
                event(CatalogIds.pricePlan(code), 0, new PricePlanCreated(CatalogSamples.vipPlan(code)), CREATED),
                event(CatalogIds.usageCatalog(code), 0, new UsageCatalogCreated(CatalogSamples.movies(code)),
                        CREATED)));

        awaitEntryVersion("USAGE_CATALOG", code, 0);
        awaitEntryVersion("PRICE_PLAN", code, 0);
        awaitEntryVersion("PROVIDER", code, 0);
        assertThat(entry("PROVIDER", code)).containsEntry("name", "Nagra");
        assertThat(entry("PRICE_PLAN", code)).containsEntry("name", "VIP customers");
        assertThat(entry("USAGE_CATALOG", code)).containsEntry("provider_code", "NAGRA")
                .containsEntry("valid_from", Date.valueOf(LocalDate.of(2025, 1, 1)))
                .containsEntry("valid_to", Date.valueOf(LocalDate.of(2026, 12, 31)));
        assertThat(jdbc.queryForObject("select definition #>> '{basePlanCode}' from catalog_entry"
                + " where kind = 'PRICE_PLAN' and code = ?", String.class, code)).isEqualTo("STANDARD");
    }

    @Test
    void aNewPriceVersionClosesTheOneBeforeIt() {
        String plan = code("PLAN");
        String id = CatalogIds.pricePlan(plan);
        eventStore.publish(List.of(
                event(id, 0, new PricePlanCreated(CatalogSamples.vipPlan(plan)), CREATED),
                event(id, 1, rateSet(plan, "ANTENNA", Rate.flat(eur("40.00")), JANUARY, 1), CREATED),
                event(id, 2, rateSet(plan, "DECODER", CatalogSamples.tiered(), JANUARY, 1), CREATED)));
        awaitVersions(plan, 2);
        assertThat(version(plan, "DECODER", 1)).containsEntry("effective_to", null);

        eventStore.publish(event(id, 3, rateSet(plan, "DECODER", Rate.flat(eur("12.50")), APRIL, 2),
                CREATED.plusSeconds(60)));

        awaitVersions(plan, 3);
        assertThat(version(plan, "DECODER", 1)).containsEntry("effective_from", Date.valueOf(JANUARY))
                .containsEntry("effective_to", Date.valueOf(APRIL))
                .containsEntry("model", "TIERED").containsEntry("basis", "QUANTITY")
                .containsEntry("classification", "PHYSICAL_GOOD").containsEntry("currency", "EUR")
                .containsEntry("set_at", Timestamp.from(CREATED));
        assertThat(version(plan, "DECODER", 2)).containsEntry("effective_from", Date.valueOf(APRIL))
                .containsEntry("effective_to", null)
                .containsEntry("model", "FLAT");
        assertThat((BigDecimal) version(plan, "DECODER", 2).get("base_amount")).isEqualByComparingTo("12.50");
        assertThat(version(plan, "ANTENNA", 1)).containsEntry("effective_to", null);
        assertThat(jdbc.queryForObject("select rate #>> '{levels,1,amount,amount}' from price_version"
                + " where price_plan_code = ? and product_code = 'DECODER' and version = 1", String.class, plan))
                .isEqualTo("8.00");
    }

    @Test
    void aRedeliveredHistoryChangesNothing() {
        String code = code("REDELIVERED");
        eventStore.publish(List.of(
                event(CatalogIds.product(code), 0,
                        new ProductCreated(CatalogSamples.product(code, "Packages", Validity.ALWAYS)), CREATED),
                event(CatalogIds.pricePlan(code), 0, new PricePlanCreated(CatalogSamples.vipPlan(code)), CREATED),
                event(CatalogIds.pricePlan(code), 1, rateSet(code, "DECODER", CatalogSamples.tiered(), JANUARY, 1),
                        CREATED),
                event(CatalogIds.pricePlan(code), 2, rateSet(code, "DECODER", Rate.flat(eur("9")), APRIL, 2),
                        CREATED)));
        awaitEntryVersion("PRICE_PLAN", code, 0);
        awaitEntryVersion("PRODUCT", code, 0);
        awaitVersions(code, 2);
        // xmin changes with every write of a row, even one that writes the same values
        var entriesBefore = jdbc.queryForList(
                "select *, xmin::text as written_by from catalog_entry order by kind, code");
        var versionsBefore = jdbc.queryForList("select *, xmin::text as written_by from price_version"
                + " order by price_plan_code, product_code, version");

        PROCESSORS.forEach(replays::redeliverEverything);

        assertThat(jdbc.queryForList("select *, xmin::text as written_by from catalog_entry order by kind, code"))
                .isEqualTo(entriesBefore);
        assertThat(jdbc.queryForList("select *, xmin::text as written_by from price_version"
                + " order by price_plan_code, product_code, version")).isEqualTo(versionsBefore);
    }

    @Test
    void aReplayClearsAndRebuildsTheSameReadModels() {
        String code = code("REPLAYED");
        eventStore.publish(List.of(
                event(CatalogIds.pricePlan(code), 0, new PricePlanCreated(CatalogSamples.vipPlan(code)), CREATED),
                event(CatalogIds.pricePlan(code), 1, rateSet(code, "DECODER", CatalogSamples.tiered(), JANUARY, 1),
                        CREATED),
                event(CatalogIds.pricePlan(code), 2, rateSet(code, "DECODER", Rate.flat(eur("9")), APRIL, 2),
                        CREATED)));
        awaitEntryVersion("PRICE_PLAN", code, 0);
        awaitVersions(code, 2);
        var entryBefore = entry("PRICE_PLAN", code);
        var versionsBefore = jdbc.queryForList("select * from price_version where price_plan_code = ?"
                + " order by product_code, version", code);

        for (String name : PROCESSORS) {
            var processor = replays.processor(name);
            processor.shutDown();
            processor.resetTokens();
            processor.start();
        }

        awaitEntryVersion("PRICE_PLAN", code, 0);
        awaitVersions(code, 2);
        await("the second version closed the first again", () -> version(code, "DECODER", 1)
                .get("effective_to") != null);
        assertThat(entry("PRICE_PLAN", code)).isEqualTo(entryBefore);
        assertThat(jdbc.queryForList("select * from price_version where price_plan_code = ?"
                + " order by product_code, version", code)).isEqualTo(versionsBefore);
    }

    @Test
    void documentsEveryColumnForReportingTools() {
        var undocumented = jdbc.queryForList("""
                select c.table_name || '.' || c.column_name
                from information_schema.columns c
                join pg_class t on t.relname = c.table_name
                where c.table_name in ('catalog_entry', 'price_version')
                  and col_description(t.oid, c.ordinal_position) is null""", String.class);

        assertThat(undocumented).isEmpty();
        assertThat(jdbc.queryForObject("select obj_description('price_version'::regclass)", String.class))
                .startsWith("Every price version");
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private static ProductRateSet rateSet(String plan, String product, Rate rate, LocalDate from, int version) {
        return new ProductRateSet(plan, product, RateClassification.PHYSICAL_GOOD, rate, from, version);
    }

    private Map<String, Object> entry(String kind, String code) {
        return jdbc.queryForMap("select * from catalog_entry where kind = ? and code = ?", kind, code);
    }

    private Map<String, Object> version(String plan, String product, int version) {
        return jdbc.queryForMap("select * from price_version where price_plan_code = ? and product_code = ?"
                + " and version = ?", plan, product, version);
    }

    private void awaitEntryVersion(String kind, String code, long version) {
        await(kind + " " + code + " at version " + version, () -> jdbc.queryForList(
                "select version from catalog_entry where kind = ? and code = ?", Long.class, kind, code)
                .equals(List.of(version)));
    }

    private void awaitVersions(String plan, long versions) {
        await(versions + " price versions of " + plan, () -> jdbc.queryForObject(
                "select count(*) from price_version where price_plan_code = ?", Long.class, plan) == versions);
    }

}
