package org.subledger.query.catalog;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.subledger.kernel.catalog.CatalogIds;
import org.subledger.kernel.catalog.Composition;
import org.subledger.kernel.catalog.Condition;
import org.subledger.kernel.catalog.ConditionAttribute;
import org.subledger.kernel.catalog.PricePlanCreated;
import org.subledger.kernel.catalog.PricePlanDefinition;
import org.subledger.kernel.catalog.PricePlanKind;
import org.subledger.kernel.catalog.ProductClassification;
import org.subledger.kernel.catalog.ProductCreated;
import org.subledger.kernel.catalog.ProductDefinition;
import org.subledger.kernel.catalog.ProductRateSet;
import org.subledger.kernel.catalog.ProductTypeCreated;
import org.subledger.kernel.catalog.ProductTypeDefinition;
import org.subledger.kernel.catalog.RateClassification;
import org.subledger.kernel.catalog.ServiceType;
import org.subledger.kernel.catalog.UsageCatalogCreated;
import org.subledger.kernel.catalog.UsageCatalogDefinition;
import org.subledger.kernel.catalog.UsageServiceEntry;
import org.subledger.kernel.catalog.Validity;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.rating.Rate;
import org.subledger.kernel.rating.RateLevel;
import org.subledger.kernel.rating.RateModel;
import org.subledger.kernel.rating.TierBasis;
import org.subledger.kernel.rating.UsageRate;
import org.subledger.query.QueryNodeTest;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.fail;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The catalog's query and pricing APIs on the query node the API tests share, fed with catalog events appended to
 * the event store. The ledger-app's CatalogIT covers the way from the catalog commands.
 */
class CatalogQueryApiTest extends QueryNodeTest {

    private static final Instant CREATED = Instant.parse("2025-04-01T08:00:00Z");
    private static final LocalDate RATES_FROM = LocalDate.of(2015, 1, 1);
    private static final LocalDate APRIL = LocalDate.of(2026, 4, 1);

    @Autowired
    MockMvc http;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void catalog() {
        // once per query node, which the other API tests' streams share: its first stream tells it is there
        if (jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class,
                CatalogIds.productType("LABOUR")) > 0) {
            return;
        }
        List<DomainEventMessage<?>> events = new ArrayList<>();
        var service = ProductClassification.SERVICE;
        events.add(event(CatalogIds.productType("LABOUR"), 0, new ProductTypeCreated(new ProductTypeDefinition(
                "LABOUR", "Technician services", service, null, ServiceType.ONE_TIME, Composition.FLAT, false, null))));
        events.add(event(CatalogIds.productType("VOD"), 0, new ProductTypeCreated(new ProductTypeDefinition(
                "VOD", "Movies on demand", service, null, ServiceType.USAGE, Composition.FLAT, true, "VOD"))));
        events.add(event(CatalogIds.product("REPAIRS"), 0, new ProductCreated(
                product("REPAIRS", "LABOUR", "Services", Validity.ALWAYS))));
        events.add(event(CatalogIds.product("WINTER-CHECK"), 0, new ProductCreated(product("WINTER-CHECK", "LABOUR",
                "Seasonal", new Validity(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31))))));
        events.add(event(CatalogIds.product("BRAVEHEART"), 0, new ProductCreated(
                product("BRAVEHEART", "VOD", "Movies", Validity.ALWAYS))));
        events.add(event(CatalogIds.pricePlan("STANDARD"), 0, new PricePlanCreated(new PricePlanDefinition(
                "STANDARD", "Standard rates", PricePlanKind.BASE, null, "EUR", List.of(), List.of(), List.of()))));
        var vip = new Condition(ConditionAttribute.ACCOUNT_CLASSIFICATION, List.of("VIP"));
        events.add(event(CatalogIds.pricePlan("VIP"), 0, new PricePlanCreated(new PricePlanDefinition(
                "VIP", "VIP customers", PricePlanKind.CONDITIONAL, "STANDARD", "EUR", List.of(vip), List.of(vip),
                List.of()))));
        var hours = new Rate(RateModel.FLAT, TierBasis.DURATION_HOURS, eur("20"), List.of(
                RateLevel.of(1, 1L, eur("20")), RateLevel.of(2, 5L, eur("15")), RateLevel.of(6, null, eur("10"))));
        events.add(event(CatalogIds.pricePlan("STANDARD"), 1, new ProductRateSet("STANDARD", "REPAIRS",
                RateClassification.ONE_TIME_SERVICE, hours, RATES_FROM, 1)));
        events.add(event(CatalogIds.pricePlan("STANDARD"), 2, new ProductRateSet("STANDARD", "REPAIRS",
                RateClassification.ONE_TIME_SERVICE, Rate.flat(eur("18.00")), APRIL, 2)));
        events.add(event(CatalogIds.pricePlan("VIP"), 1, new ProductRateSet("VIP", "REPAIRS",
                RateClassification.ONE_TIME_SERVICE, Rate.flat(eur("1.00")), RATES_FROM, 1)));
        var movie = new UsageRate(eur("3.00"), List.of(
                new UsageRate.TimeOfDayRate(LocalTime.of(0, 1), LocalTime.of(6, 59), eur("2.00"))));
        events.add(event(CatalogIds.usageCatalog("MOVIES"), 0, new UsageCatalogCreated(new UsageCatalogDefinition(
                "MOVIES", "Movies", "NAGRA", Validity.ALWAYS, List.of(new UsageServiceEntry("BRAVEHEART", "1AQ82",
                movie, Validity.ALWAYS, null)), List.of()))));
        eventStore.publish(events);
        awaitCount("select count(*) from catalog_entry", 8);
        awaitCount("select count(*) from price_version", 3);
    }

    @Test
    void listsProductsByTypeFamilyAndValidity() throws Exception {
        read("/api/catalog/products?type=LABOUR")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].code", contains("REPAIRS", "WINTER-CHECK")))
                .andExpect(jsonPath("$.totalElements").value(2))
                .andExpect(jsonPath("$.totalPages").value(1));
        read("/api/catalog/products?family=Movies")
                .andExpect(jsonPath("$.content[*].code", contains("BRAVEHEART")));
        read("/api/catalog/products?validOn=2026-03-31")
                .andExpect(jsonPath("$.content[*].code", contains("BRAVEHEART", "REPAIRS", "WINTER-CHECK")));
        read("/api/catalog/products?validOn=2026-04-01")
                .andExpect(jsonPath("$.content[*].code", contains("BRAVEHEART", "REPAIRS")));
        read("/api/catalog/products?size=1&page=1")
                .andExpect(jsonPath("$.content[*].code", contains("REPAIRS")))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.size").value(1))
                .andExpect(jsonPath("$.totalPages").value(3));
    }

    @Test
    void refusesFiltersAKindDoesNotHaveAndUnknownCollections() throws Exception {
        read("/api/catalog/price-plans?type=LABOUR")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.fields.type").exists());
        read("/api/catalog/product-types?validOn=2026-01-01")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields.validOn").exists());
        read("/api/catalog/products?validOn=tomorrow")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        read("/api/catalog/products?size=501")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        read("/api/catalog/gadgets")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NOT_FOUND"));
    }

    @Test
    void showsAnEntryWithItsDefinitionAsJson() throws Exception {
        read("/api/catalog/products/WINTER-CHECK")
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.kind").value("PRODUCT"))
                .andExpect(jsonPath("$.code").value("WINTER-CHECK"))
                .andExpect(jsonPath("$.name").value("WINTER-CHECK service"))
                .andExpect(jsonPath("$.productTypeCode").value("LABOUR"))
                .andExpect(jsonPath("$.validFrom").value("2026-01-01"))
                .andExpect(jsonPath("$.validTo").value("2026-03-31"))
                .andExpect(jsonPath("$.providerCode").doesNotExist())
                .andExpect(jsonPath("$.createdAt").value("2025-04-01T08:00:00Z"))
                .andExpect(jsonPath("$.version").value(0))
                .andExpect(jsonPath("$.definition.validity.from").value("2026-01-01"))
                .andExpect(jsonPath("$.definition.taxRatePercent").value(19))
                .andExpect(content().string(containsString("\"definition\":{\"code\":\"WINTER-CHECK\",")));
        read("/api/catalog/usage-catalogs/MOVIES")
                .andExpect(jsonPath("$.providerCode").value("NAGRA"))
                .andExpect(content().string(containsString("\"baseAmount\":" + written("3.00"))));
        read("/api/catalog/products/NOTHING")
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("CATALOG_ENTRY_NOT_FOUND"));
    }

    @Test
    void showsAPricePlanWithEveryVersionOfItsRates() throws Exception {
        read("/api/catalog/price-plans/STANDARD")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value("STANDARD"))
                .andExpect(jsonPath("$.definition.kind").value("BASE"))
                .andExpect(jsonPath("$.rates[*].version", contains(1, 2)))
                .andExpect(jsonPath("$.rates[0].productCode").value("REPAIRS"))
                .andExpect(jsonPath("$.rates[0].classification").value("ONE_TIME_SERVICE"))
                .andExpect(jsonPath("$.rates[0].effectiveFrom").value("2015-01-01"))
                .andExpect(jsonPath("$.rates[0].effectiveTo").value("2026-04-01"))
                .andExpect(jsonPath("$.rates[0].rate.basis").value("DURATION_HOURS"))
                .andExpect(jsonPath("$.rates[0].rate.levels[2].to", nullValue()))
                .andExpect(jsonPath("$.rates[1].effectiveTo", nullValue()))
                .andExpect(content().string(containsString("\"baseAmount\":" + written("18.00"))));
        read("/api/catalog/price-plans/STANDARD/rates/REPAIRS?at=2026-03-31")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1));
        read("/api/catalog/price-plans/STANDARD/rates/REPAIRS?at=2026-04-01")
                .andExpect(jsonPath("$.version").value(2));
        read("/api/catalog/price-plans/STANDARD/rates/REPAIRS?at=2014-12-31")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("CATALOG_ENTRY_NOT_FOUND"));
        read("/api/catalog/price-plans/GOLDEN/rates/REPAIRS")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("CATALOG_ENTRY_NOT_FOUND"));
    }

    @Test
    void quotesAPriceWithTheVersionInForceAndExplainsIt() throws Exception {
        quote("""
                {"pricePlanId": "STANDARD", "productCode": "REPAIRS", "durationHours": 5, "at": "2026-03-01"}""")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("\"amount\":" + written("75.00")
                        + ",\"currency\":\"EUR\",\"explanation\":"
                        + "[{\"level\":\"2-5\",\"units\":5,\"unitAmount\":" + written("15.00")
                        + ",\"amount\":" + written("75.00") + "}]")))
                .andExpect(jsonPath("$.pricePlanId").value("STANDARD"))
                .andExpect(jsonPath("$.productCode").value("REPAIRS"))
                .andExpect(jsonPath("$.ratedWith").value("STANDARD"))
                .andExpect(jsonPath("$.version").value(1));
        quote("""
                {"pricePlanId": "STANDARD", "productCode": "REPAIRS", "durationHours": 5, "at": "2026-04-01"}""")
                .andExpect(jsonPath("$.amount.amount").value("90.00"))
                .andExpect(jsonPath("$.version").value(2));
        quote("""
                {"pricePlanId": "VIP", "productCode": "REPAIRS", "durationHours": 5, "at": "2026-03-01",
                 "facts": {"ACCOUNT_CLASSIFICATION": "VIP"}}""")
                .andExpect(jsonPath("$.amount.amount").value("5.00"))
                .andExpect(jsonPath("$.ratedWith").value("VIP"));
        quote("""
                {"pricePlanId": "VIP", "productCode": "REPAIRS", "durationHours": 5, "at": "2026-03-01"}""")
                .andExpect(jsonPath("$.amount.amount").value("75.00"))
                .andExpect(jsonPath("$.ratedWith").value("STANDARD"));
    }

    @Test
    void refusesQuotesWithMissingOrExtraInputs() throws Exception {
        quote("""
                {"pricePlanId": "STANDARD", "productCode": "REPAIRS"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.fields.quantity").exists());
        quote("""
                {"pricePlanId": "STANDARD", "productCode": "REPAIRS", "quantity": 1, "durationHours": 5}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields.quantity").exists())
                .andExpect(jsonPath("$.fields.durationHours").exists());
        quote("""
                {"productCode": "REPAIRS", "durationHours": 0, "facts": {"MOOD": "happy"}}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields.pricePlanId").exists())
                .andExpect(jsonPath("$.fields.durationHours").exists())
                .andExpect(jsonPath("$.fields['facts.MOOD']").exists());
        quote("""
                {"pricePlanId": "STANDARD", "productCode": "REPAIRS", "durationHours": 5, "at": "soon"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields.at").exists());
        quote("""
                {"pricePlanId": "STANDARD", "productCode": "REPAIRS", "quantity": 5, "at": "2026-03-01"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields.quantity").value("give durationHours instead"));
        quote("""
                {"pricePlanId": "GOLDEN", "productCode": "REPAIRS", "durationHours": 5}""")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("CATALOG_ENTRY_NOT_FOUND"));
    }

    @Test
    void quotesOneUseOfAUsageServiceByTheTimeOfDay() throws Exception {
        usageQuote("""
                {"usageCatalogCode": "MOVIES", "productCode": "BRAVEHEART", "usedAt": "2026-03-01T02:15:00"}""")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("\"amount\":" + written("2.00")
                        + ",\"currency\":\"EUR\",\"explanation\":"
                        + "[{\"level\":\"00:01-06:59\",\"units\":1,\"unitAmount\":" + written("2.00")
                        + ",\"amount\":" + written("2.00") + "}]")))
                .andExpect(jsonPath("$.usageCatalogCode").value("MOVIES"))
                .andExpect(jsonPath("$.usedAt").value("2026-03-01T02:15:00"));
        usageQuote("""
                {"usageCatalogCode": "MOVIES", "productCode": "SERENDIPITY", "usedAt": "2026-03-01T02:15:00"}""")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("CATALOG_ENTRY_NOT_FOUND"));
        usageQuote("""
                {"usageCatalogCode": "MOVIES", "productCode": "BRAVEHEART"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields.usedAt").exists());
    }

    @Test
    void quotingIsForOperationalRolesAndListingForEveryone() throws Exception {
        http.perform(post("/api/pricing/quote").header(HttpHeaders.AUTHORIZATION, basic("reporter"))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
        read("/api/catalog/products").andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].code", not(hasItem("LABOUR"))));
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private static ProductDefinition product(String code, String type, String family, Validity validity) {
        return new ProductDefinition(code, null, code + " service", type, "AluxSat", family, List.of(family),
                validity, new BigDecimal("19"), List.of(), null, Map.of());
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private static DomainEventMessage<?> event(String aggregateId, long sequenceNumber, Object payload) {
        return new GenericDomainEventMessage<>("Catalog", aggregateId, sequenceNumber, payload,
                MetaData.emptyInstance(), UUID.randomUUID().toString(), CREATED);
    }

    private void awaitCount(String sql, long count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (jdbc.queryForObject(sql, Long.class) < count) {
            if (System.nanoTime() > deadline) {
                fail("Timed out waiting for " + count + " rows: " + sql);
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    private ResultActions read(String uri) throws Exception {
        return http.perform(get(uri).header(HttpHeaders.AUTHORIZATION, basic("reporter")));
    }

    private ResultActions quote(String json) throws Exception {
        return http.perform(post("/api/pricing/quote").header(HttpHeaders.AUTHORIZATION, basic("agent"))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private ResultActions usageQuote(String json) throws Exception {
        return http.perform(post("/api/pricing/usage-quote").header(HttpHeaders.AUTHORIZATION, basic("agent"))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    /** An amount as every answer writes it. */
    private static String written(String amount) {
        return "{\"amount\":\"" + amount + "\",\"currency\":\"EUR\"}";
    }
}
