package org.subledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.app.AccountsIT.assertProblem;

/**
 * The catalog end to end: catalog commands over HTTP, the event store, the catalog projections, the catalog query
 * API and the pricing API, with the worked examples of the operator's product manuals (P1-P10, U1-U2).
 */
class CatalogIT extends LedgerIT {

    private static final String MARCH = "2026-03-01";
    private static final Map<String, List<String>> SAMPLE = Map.of(
            "providers", List.of("NAGRA"),
            "product-types", List.of("TV-PACKAGE", "ADD-ON", "BOUQUET", "VOD", "FEE", "LABOUR", "TRACEABLE-HW",
                    "PLAIN-HW", "HW-KIT"),
            "products", List.of("GOLD", "PLATINUM", "EUROSPORT-1", "PPV-SERVICE", "PPV-MOVIES", "BOUQUET",
                    "BRAVEHEART", "SERENDIPITY", "LIMITLESS", "DECODER", "ROUTER", "ANTENNA", "START-UP-FEE",
                    "INSTALLATION", "REPAIRS", "INSTALL-KIT", "INSTALLATION-FEE"),
            "price-plans", List.of("STANDARD", "VIP"),
            "billing-term-schemes", List.of("RESIDENTIAL", "CORPORATE"),
            "subscription-types", List.of("GOLD", "PLATINUM"),
            "usage-catalogs", List.of("NAGRA-MOVIES"),
            "job-types", List.of("INSTALLATION", "REPAIR", "SHOP-SALE", "NEW-SUBSCRIPTION"),
            "activity-types", List.of("INSTALL", "REPAIR"));
    private static final int STANDARD_RATES = 14;

    @BeforeEach
    void sampleCatalog() {
        loadSampleCatalog();
        awaitSample();
    }

    @Test
    void theManualsWorkedExamplesAreQuotedAsPrinted() {
        assertQuote("P1", "START-UP-FEE", "quantity", 1, "5.00");
        assertQuote("P2", "REPAIRS", "durationHours", 5, "75.00");
        assertQuote("P3", "INSTALLATION", "durationHours", 5, "80.00");
        assertQuote("P4", "ANTENNA", "quantity", 3, "24.00");
        assertQuote("P5", "DECODER", "quantity", 3, "27.00");
        assertQuote("P6", "GOLD", "maturityPeriod", 12, "180.00");
        assertQuote("P7", "EUROSPORT-1", "quantity", 4, "8.00");
        assertQuote("P8", "PPV-SERVICE", "quantity", 4, "14.00");

        JsonNode p2 = quote("""
                {"pricePlanId": "STANDARD", "productCode": "REPAIRS", "durationHours": 5, "at": "%s"}"""
                .formatted(MARCH)).json();
        assertThat(p2.get("currency").asText()).isEqualTo("EUR");
        assertThat(p2.get("pricePlanId").asText()).isEqualTo("STANDARD");
        assertThat(p2.get("productCode").asText()).isEqualTo("REPAIRS");
        assertThat(p2.get("ratedWith").asText()).isEqualTo("STANDARD");
        assertThat(p2.get("version").asInt()).isEqualTo(1);
        JsonNode line = p2.get("explanation").get(0);
        assertThat(p2.get("explanation")).hasSize(1);
        assertThat(line.get("level").asText()).isEqualTo("2-5");
        assertThat(line.get("units").asLong()).isEqualTo(5);
        assertThat(Amounts.of(line.get("unitAmount"))).isEqualByComparingTo("15.00");
        assertThat(Amounts.of(line.get("amount"))).isEqualByComparingTo("75.00");
        JsonNode p5 = quote("""
                {"pricePlanId": "STANDARD", "productCode": "DECODER", "quantity": 3, "at": "%s"}"""
                .formatted(MARCH)).json();
        assertThat(p5.get("explanation").findValuesAsText("level")).containsExactly("1-1", "2-2", "3-3");
    }

    @Test
    void creatingAnEntryAgainWithTheSameDefinitionSaysThatNothingWasRecorded() {
        String body = """
                {"code": "REPOST-PLAN", "name": "Re-posted plan", "kind": "BASE", "currency": "EUR"}""";
        var first = api.post("admin", "/api/catalog/price-plans", body);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().get("recorded").asBoolean()).isTrue();
        assertThat(first.header("Location")).isEqualTo("/api/catalog/price-plans/REPOST-PLAN");

        var again = api.post("admin", "/api/catalog/price-plans", body);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().get("recorded").asBoolean()).isFalse();
        assertThat(again.header("Location")).isEqualTo("/api/catalog/price-plans/REPOST-PLAN");
        assertThat(recordedBy(again)).isZero();

        // a different definition under the same code is still a conflict
        assertProblem(api.post("admin", "/api/catalog/price-plans", body.replace("Re-posted", "Other")), 409,
                "CATALOG_ENTRY_EXISTS", null);
    }

    @Test
    void levelsPriceAQuantityAsAWholeWhenFlatAndUnitByUnitWhenTiered() {
        createBasePricePlan("LEVELS");
        createProduct("GADGET-FLAT", "PLAIN-HW", "Gadgets", "null");
        createProduct("GADGET-TIERED", "PLAIN-HW", "Gadgets", "null");
        String levels = """
                [{"from": 1, "to": 1, "amount": {"amount": 10, "currency": "EUR"}},
                 {"from": 2, "to": null, "amount": {"amount": 8, "currency": "EUR"}}]""";
        setRate("LEVELS", "GADGET-FLAT", "PHYSICAL_GOOD", "FLAT", "QUANTITY", "10", levels, "2015-01-01");
        setRate("LEVELS", "GADGET-TIERED", "PHYSICAL_GOOD", "TIERED", "QUANTITY", "10", levels, "2015-01-01");
        awaitRateInForce("LEVELS", "GADGET-FLAT", MARCH);
        awaitRateInForce("LEVELS", "GADGET-TIERED", MARCH);

        // P9: flat
        assertThat(quotedAmount("LEVELS", "GADGET-FLAT", "quantity", 1, MARCH)).isEqualByComparingTo("10.00");
        assertThat(quotedAmount("LEVELS", "GADGET-FLAT", "quantity", 2, MARCH)).isEqualByComparingTo("16.00");
        assertThat(quotedAmount("LEVELS", "GADGET-FLAT", "quantity", 3, MARCH)).isEqualByComparingTo("24.00");
        // P10: tiered
        assertThat(quotedAmount("LEVELS", "GADGET-TIERED", "quantity", 1, MARCH)).isEqualByComparingTo("10.00");
        assertThat(quotedAmount("LEVELS", "GADGET-TIERED", "quantity", 2, MARCH)).isEqualByComparingTo("18.00");
        assertThat(quotedAmount("LEVELS", "GADGET-TIERED", "quantity", 3, MARCH)).isEqualByComparingTo("26.00");
    }

    @Test
    void aMovieCostsTheBaseAmountInTheEveningAndTheNightAmountAtNight() {
        // U1
        JsonNode evening = usageQuote("NAGRA-MOVIES", "BRAVEHEART", "2026-03-01T21:30:00");
        assertThat(Amounts.of(evening.get("amount"))).isEqualByComparingTo("3.00");
        assertThat(evening.get("explanation").get(0).get("level").asText()).isEqualTo("base");
        // U2
        JsonNode night = usageQuote("NAGRA-MOVIES", "SERENDIPITY", "2026-03-01T02:15:00");
        assertThat(Amounts.of(night.get("amount"))).isEqualByComparingTo("2.00");
        assertThat(night.get("currency").asText()).isEqualTo("EUR");
        assertThat(night.get("usageCatalogCode").asText()).isEqualTo("NAGRA-MOVIES");
        assertThat(night.get("explanation").get(0).get("level").asText()).isEqualTo("00:01-06:59");

        assertProblem(api.post("agent", "/api/pricing/usage-quote", """
                {"usageCatalogCode": "NAGRA-MOVIES", "productCode": "GOLD", "usedAt": "2026-03-01T21:30:00"}"""),
                404, "CATALOG_ENTRY_NOT_FOUND", null);
        assertProblem(api.post("agent", "/api/pricing/usage-quote", """
                {"usageCatalogCode": "NAGRA-SERIES", "productCode": "BRAVEHEART", "usedAt": "2026-03-01T21:30:00"}"""),
                404, "CATALOG_ENTRY_NOT_FOUND", null);
    }

    @Test
    void aUsageIsRefusedWhileItsCatalogIsNotValidOrTheServiceNotYetOrderable() {
        assertThat(api.post("admin", "/api/catalog/usage-catalogs", """
                {"code": "NAGRA-PREMIERES", "name": "Premieres", "providerCode": "NAGRA",
                 "validity": {"from": "2027-01-01", "to": null},
                 "services": [{"productCode": "LIMITLESS", "provisioningId": "1BQ12",
                               "rate": {"baseAmount": {"amount": 4.00, "currency": "EUR"}, "timeOfDayRates": []},
                               "orderable": {"from": "2027-02-01", "to": null},
                               "relatedTermedService": "PPV-MOVIES"}],
                 "selectConditions": []}""").status()).isEqualTo(201);
        Await.until("the premieres catalog", () -> api.get("reporter", "/api/catalog/usage-catalogs/NAGRA-PREMIERES"),
                response -> response.status() == 200);

        String premiere = """
                {"usageCatalogCode": "NAGRA-PREMIERES", "productCode": "LIMITLESS", "usedAt": "%s"}""";
        // the catalog is not valid yet
        assertProblem(api.post("agent", "/api/pricing/usage-quote", premiere.formatted("2026-12-31T20:00:00")),
                422, "CATALOG_RULE_VIOLATED", "usedAt");
        // the catalog is, but the service may not be ordered yet
        assertProblem(api.post("agent", "/api/pricing/usage-quote", premiere.formatted("2027-01-31T20:00:00")),
                422, "CATALOG_RULE_VIOLATED", "usedAt");
        assertThat(Amounts.of(usageQuote("NAGRA-PREMIERES", "LIMITLESS", "2027-02-01T20:00:00").get("amount")))
                .isEqualByComparingTo("4.00");
    }

    @Test
    void productTypesThatBreakAUsageConditionAreRefusedAndRecordNothing() {
        var refusals = new ArrayList<Api.Response>();
        refusals.add(assertProblem(productType("BAD-FLEX", "SERVICE", null, "ONE_TIME", "FLEXIBLE_BUNDLE", null),
                422, "CATALOG_RULE_VIOLATED", "composition"));
        refusals.add(assertProblem(productType("BAD-FIXED", "SERVICE", null, "EXPENSE", "FIXED_BUNDLE", null),
                422, "CATALOG_RULE_VIOLATED", "composition"));
        refusals.add(assertProblem(productType("BAD-UDR", "SERVICE", null, "TERMED", "FLAT", "VOD"),
                422, "CATALOG_RULE_VIOLATED", "udrType"));
        refusals.add(assertProblem(productType("BAD-GOOD", "SERVICE", "TRACEABLE", "TERMED", "FLAT", null),
                422, "CATALOG_RULE_VIOLATED", "physicalGoodType"));
        refusals.add(assertProblem(productType("BAD-SERVICE", "PHYSICAL_GOOD", "TRACEABLE", "TERMED", "FLAT", null),
                422, "CATALOG_RULE_VIOLATED", "serviceType"));
        refusals.add(assertProblem(api.post("admin", "/api/catalog/price-plans/STANDARD/rates",
                        rateJson("START-UP-FEE", "EXPENSE", "TIERED", "QUANTITY", "5", """
                                [{"from": 1, "to": 2, "amount": {"amount": 5, "currency": "EUR"}}]""", "2030-01-01")),
                422, "CATALOG_RULE_VIOLATED", "rate.levels"));

        assertThat(recordedBy(refusals.toArray(Api.Response[]::new))).isZero();
        assertThat(api.get("reporter", "/api/catalog/product-types/BAD-FLEX").status()).isEqualTo(404);
    }

    @Test
    void aPriceChangeLeavesEarlierPeriodsRatedAtTheOldPrice() {
        createBasePricePlan("CHANGING");
        String flat = "[]";
        setRate("CHANGING", "ROUTER", "PHYSICAL_GOOD", "FLAT", "QUANTITY", "40.00", flat, "2015-01-01");
        setRate("CHANGING", "ROUTER", "PHYSICAL_GOOD", "FLAT", "QUANTITY", "45.00", flat, "2026-04-01");
        assertProblem(api.post("admin", "/api/catalog/price-plans/CHANGING/rates", rateJson("ROUTER",
                        "PHYSICAL_GOOD", "FLAT", "QUANTITY", "39.00", flat, "2026-02-01")),
                422, "CATALOG_RULE_VIOLATED", "effectiveFrom");

        JsonNode plan = Await.until("two versions of ROUTER in CHANGING",
                () -> api.get("reporter", "/api/catalog/price-plans/CHANGING"),
                response -> response.status() == 200 && response.json().get("rates").size() == 2).json();
        JsonNode first = plan.get("rates").get(0);
        JsonNode second = plan.get("rates").get(1);
        assertThat(first.get("productCode").asText()).isEqualTo("ROUTER");
        assertThat(first.get("version").asInt()).isEqualTo(1);
        assertThat(first.get("classification").asText()).isEqualTo("PHYSICAL_GOOD");
        assertThat(first.get("effectiveFrom").asText()).isEqualTo("2015-01-01");
        assertThat(first.get("effectiveTo").asText()).isEqualTo("2026-04-01");
        assertThat(decimal(first.get("rate").get("baseAmount").get("amount"))).isEqualByComparingTo("40.00");
        assertThat(second.get("version").asInt()).isEqualTo(2);
        assertThat(second.get("effectiveFrom").asText()).isEqualTo("2026-04-01");
        assertThat(second.get("effectiveTo").isNull()).isTrue();
        assertThat(plan.get("definition").get("kind").asText()).isEqualTo("BASE");

        JsonNode before = quote("""
                {"pricePlanId": "CHANGING", "productCode": "ROUTER", "quantity": 1, "at": "2026-03-31"}""").json();
        JsonNode after = quote("""
                {"pricePlanId": "CHANGING", "productCode": "ROUTER", "quantity": 1, "at": "2026-04-01"}""").json();
        assertThat(Amounts.of(before.get("amount"))).isEqualByComparingTo("40.00");
        assertThat(before.get("version").asInt()).isEqualTo(1);
        assertThat(Amounts.of(after.get("amount"))).isEqualByComparingTo("45.00");
        assertThat(after.get("version").asInt()).isEqualTo(2);
        assertThat(api.get("reporter", "/api/catalog/price-plans/CHANGING/rates/ROUTER?at=2026-03-31").json()
                .get("version").asInt()).isEqualTo(1);
        assertProblem(api.get("reporter", "/api/catalog/price-plans/CHANGING/rates/ROUTER?at=2014-12-31"),
                404, "CATALOG_ENTRY_NOT_FOUND", null);
    }

    @Test
    void theSampleCatalogLoadsTwiceWithoutDuplicating() {
        var again = api.post("admin", "/api/catalog/sample", "{}");

        assertThat(again.status()).isEqualTo(200);
        assertThat(recordedBy(again)).isZero();
        SAMPLE.keySet().forEach(kind -> {
            var codes = codes(api.get("reporter", "/api/catalog/" + kind + "?size=500").json());
            assertThat(new HashSet<>(codes)).as(kind).hasSameSizeAs(codes);
        });
        JsonNode rates = api.get("reporter", "/api/catalog/price-plans/STANDARD").json().get("rates");
        assertThat(rates.findValuesAsText("productCode")).doesNotHaveDuplicates().hasSize(STANDARD_RATES);
        assertThat(rates.findValues("version")).allMatch(version -> version.asInt() == 1);
    }

    @Test
    void productsAreListedByTypeByFamilyAndByValidity() {
        createProduct("SPRING-OFFER", "FEE", "Offers", """
                {"from": "2026-03-01", "to": "2026-05-31"}""");
        Await.until("the spring offer", () -> api.get("reporter", "/api/catalog/products/SPRING-OFFER"),
                response -> response.status() == 200);

        JsonNode vod = api.get("reporter", "/api/catalog/products?type=VOD&size=500").json();
        assertThat(codes(vod)).containsExactly("BRAVEHEART", "LIMITLESS", "SERENDIPITY");
        vod.get("content").forEach(entry -> assertThat(entry.get("productTypeCode").asText()).isEqualTo("VOD"));
        assertThat(codes(api.get("reporter", "/api/catalog/products?family=Movies&size=500").json()))
                .containsExactly("BRAVEHEART", "LIMITLESS", "SERENDIPITY");
        assertThat(codes(api.get("reporter", "/api/catalog/products?type=FEE&family=Offers").json()))
                .containsExactly("SPRING-OFFER");
        assertThat(codes(api.get("reporter", "/api/catalog/products?validOn=2026-04-15&size=500").json()))
                .contains("SPRING-OFFER", "GOLD");
        assertThat(codes(api.get("reporter", "/api/catalog/products?validOn=2026-06-01&size=500").json()))
                .contains("GOLD").doesNotContain("SPRING-OFFER");
        assertThat(codes(api.get("reporter", "/api/catalog/usage-catalogs?validOn=2026-06-01").json()))
                .contains("NAGRA-MOVIES");

        JsonNode page = api.get("reporter", "/api/catalog/products?size=5&page=1").json();
        assertThat(page.get("content")).hasSize(5);
        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertThat(page.get("totalElements").asLong()).isGreaterThanOrEqualTo(17);
        JsonNode gold = api.get("reporter", "/api/catalog/products/GOLD").json();
        assertThat(gold.get("name").asText()).isEqualTo("Gold package");
        assertThat(gold.get("family").asText()).isEqualTo("Packages");
        assertThat(gold.get("definition").get("providerProductIds").get("NAGRA").asText()).isEqualTo("NML-GOLD");
        assertProblem(api.get("reporter", "/api/catalog/products/NOTHING"), 404, "CATALOG_ENTRY_NOT_FOUND", null);
        assertProblem(api.get("reporter", "/api/catalog/products?size=501"), 400, "VALIDATION_FAILED", null);
    }

    @Test
    void aVipQuoteWithTheFactsIsFreeForGoldAndTheStandardPriceWithout() {
        JsonNode vip = quote("""
                {"pricePlanId": "VIP", "productCode": "GOLD", "maturityPeriod": 12, "at": "%s",
                 "facts": {"ACCOUNT_CLASSIFICATION": "VIP"}}""".formatted(MARCH)).json();
        JsonNode withoutFacts = quote("""
                {"pricePlanId": "VIP", "productCode": "GOLD", "maturityPeriod": 12, "at": "%s"}"""
                .formatted(MARCH)).json();
        JsonNode unpricedInVip = quote("""
                {"pricePlanId": "VIP", "productCode": "REPAIRS", "durationHours": 5, "at": "%s",
                 "facts": {"ACCOUNT_CLASSIFICATION": "VIP"}}""".formatted(MARCH)).json();

        assertThat(Amounts.of(vip.get("amount"))).isEqualByComparingTo("0.00");
        assertThat(vip.get("ratedWith").asText()).isEqualTo("VIP");
        assertThat(vip.get("pricePlanId").asText()).isEqualTo("VIP");
        assertThat(Amounts.of(withoutFacts.get("amount"))).isEqualByComparingTo("180.00");
        assertThat(withoutFacts.get("ratedWith").asText()).isEqualTo("STANDARD");
        assertThat(Amounts.of(unpricedInVip.get("amount"))).isEqualByComparingTo("75.00");
        assertThat(unpricedInVip.get("ratedWith").asText()).isEqualTo("STANDARD");
    }

    @Test
    void quotesWithMissingOrExtraInputsOrUnknownEntriesAreRefused() {
        assertProblem(api.post("agent", "/api/pricing/quote", """
                {"pricePlanId": "STANDARD", "productCode": "REPAIRS"}"""), 400, "VALIDATION_FAILED", "quantity");
        assertProblem(api.post("agent", "/api/pricing/quote", """
                {"pricePlanId": "STANDARD", "productCode": "REPAIRS", "durationHours": 5, "maturityPeriod": 2}"""),
                400, "VALIDATION_FAILED", "maturityPeriod");
        assertProblem(api.post("agent", "/api/pricing/quote", """
                {"productCode": "REPAIRS", "durationHours": 5}"""), 400, "VALIDATION_FAILED", "pricePlanId");
        assertProblem(api.post("agent", "/api/pricing/quote", """
                {"pricePlanId": "GOLDEN", "productCode": "REPAIRS", "durationHours": 5}"""),
                404, "CATALOG_ENTRY_NOT_FOUND", null);
        assertProblem(api.post("agent", "/api/pricing/quote", """
                {"pricePlanId": "STANDARD", "productCode": "NOTHING", "quantity": 1}"""),
                404, "CATALOG_ENTRY_NOT_FOUND", null);
        assertProblem(api.post("agent", "/api/pricing/quote", """
                {"pricePlanId": "STANDARD", "productCode": "REPAIRS", "durationHours": 5, "at": "2014-12-31"}"""),
                404, "CATALOG_ENTRY_NOT_FOUND", null);
        assertProblem(api.post("auditor", "/api/pricing/quote", """
                {"pricePlanId": "STANDARD", "productCode": "REPAIRS", "durationHours": 5}"""),
                403, "ACCESS_DENIED", null);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private void awaitSample() {
        SAMPLE.forEach((kind, expected) -> Await.until("the sample " + kind,
                () -> codes(api.get("reporter", "/api/catalog/" + kind + "?size=500").json()),
                codes -> codes.containsAll(expected)));
        Await.until("the sample rates", () -> api.get("reporter", "/api/catalog/price-plans/STANDARD").json(),
                plan -> plan.get("rates").size() >= STANDARD_RATES);
        Await.until("the sample VIP rates", () -> api.get("reporter", "/api/catalog/price-plans/VIP").json(),
                plan -> plan.get("rates").size() >= 2);
    }

    private void assertQuote(String example, String product, String input, long units, String amount) {
        JsonNode quote = quote("""
                {"pricePlanId": "STANDARD", "productCode": "%s", "%s": %d, "at": "%s"}"""
                .formatted(product, input, units, MARCH)).json();
        assertThat(Amounts.of(quote.get("amount"))).as(example + " " + product + " " + input + " " + units)
                .isEqualByComparingTo(amount);
        assertThat(quote.get("currency").asText()).isEqualTo("EUR");
    }

    private BigDecimal quotedAmount(String plan, String product, String input, long units, String at) {
        return Amounts.of(quote("""
                {"pricePlanId": "%s", "productCode": "%s", "%s": %d, "at": "%s"}"""
                .formatted(plan, product, input, units, at)).json().get("amount"));
    }

    private Api.Response quote(String json) {
        var response = api.post("agent", "/api/pricing/quote", json);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    private JsonNode usageQuote(String catalog, String product, String usedAt) {
        var response = api.post("agent", "/api/pricing/usage-quote", """
                {"usageCatalogCode": "%s", "productCode": "%s", "usedAt": "%s"}""".formatted(catalog, product, usedAt));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private Api.Response productType(String code, String classification, String physicalGoodType, String serviceType,
                                     String composition, String udrType) {
        return api.post("admin", "/api/catalog/product-types", """
                {"code": "%s", "name": "%s", "classification": "%s", "physicalGoodType": %s, "serviceType": %s,
                 "composition": "%s", "provisionable": false, "udrType": %s}"""
                .formatted(code, code, classification, quoted(physicalGoodType), quoted(serviceType), composition,
                        quoted(udrType)));
    }

    private void createBasePricePlan(String code) {
        var response = api.post("admin", "/api/catalog/price-plans", """
                {"code": "%s", "name": "%s plan", "kind": "BASE", "currency": "EUR"}""".formatted(code, code));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    private void createProduct(String code, String type, String family, String validity) {
        var response = api.post("admin", "/api/catalog/products", """
                {"code": "%s", "description": "%s", "productTypeCode": "%s", "brand": "AluxSat", "family": "%s",
                 "categories": ["%s"], "validity": %s, "taxRatePercent": 19}"""
                .formatted(code, code, type, family, family, validity));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    private void setRate(String plan, String product, String classification, String model, String basis,
                         String base, String levels, String effectiveFrom) {
        var response = api.post("admin", "/api/catalog/price-plans/" + plan + "/rates",
                rateJson(product, classification, model, basis, base, levels, effectiveFrom));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    private static String rateJson(String product, String classification, String model, String basis, String base,
                                   String levels, String effectiveFrom) {
        return """
                {"productCode": "%s", "classification": "%s",
                 "rate": {"model": "%s", "basis": "%s", "baseAmount": {"amount": %s, "currency": "EUR"},
                          "levels": %s},
                 "effectiveFrom": "%s"}""".formatted(product, classification, model, basis, base, levels,
                effectiveFrom);
    }

    private void awaitRateInForce(String plan, String product, String at) {
        Await.until("a rate of " + product + " in " + plan, () -> api.get("reporter",
                "/api/catalog/price-plans/" + plan + "/rates/" + product + "?at=" + at),
                response -> response.status() == 200);
    }

    /** The codes of a page's entries (not those inside their definitions). */
    private static List<String> codes(JsonNode page) {
        List<String> codes = new ArrayList<>();
        page.get("content").forEach(entry -> codes.add(entry.get("code").asText()));
        return codes;
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    private static BigDecimal decimal(JsonNode node) {
        return new BigDecimal(node.asText());
    }
}
