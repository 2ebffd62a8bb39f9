package org.subledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.app.AccountsIT.assertProblem;

/**
 * Additive discount and buy-in-advance definitions end to end: catalog commands over HTTP, the event store, the
 * catalog read model and the catalog query API; the sample's definitions (D1, D2, D6, B1); one effective
 * buy-in-advance definition at a time (B4).
 */
class DiscountDefinitionsIT extends LedgerIT {

    private static final List<String> SAMPLE_DISCOUNTS = List.of("D1-TWO-MONTHS-FREE", "D2-CARE-GOODWILL",
            "D6-LOYALTY-LEVEL-1", "D6-LOYALTY-LEVEL-2", "B1-THREE-MONTHS-FREE");

    @BeforeEach
    void sampleCatalog() {
        loadSampleCatalog();
        Await.until("the sample's discounts", () -> codes("additive-discounts"),
                codes -> codes.containsAll(SAMPLE_DISCOUNTS));
        Await.until("the sample's buy-in-advance definition", () -> codes("buy-in-advance-definitions"),
                codes -> codes.contains("GOLD-YEAR-AHEAD"));
    }

    @Test
    void theSampleHoldsTheManualsDefinitionsAndLoadingItAgainRecordsNothing() {
        JsonNode d1 = definition("additive-discounts", "D1-TWO-MONTHS-FREE");
        assertThat(d1.get("type").asText()).isEqualTo("AUTO_APPLY");
        assertThat(d1.at("/discount/kind").asText()).isEqualTo("FREE_PERIOD");
        assertThat(d1.at("/discount/freePeriod/count").asInt()).isEqualTo(2);
        assertThat(d1.at("/discount/freePeriod/unit").asText()).isEqualTo("MONTHS");

        JsonNode d2 = definition("additive-discounts", "D2-CARE-GOODWILL");
        assertThat(d2.get("type").asText()).isEqualTo("AD_HOC");
        assertThat(Amounts.of(d2.at("/discount/amountRange/min"))).isEqualByComparingTo("5.00");
        assertThat(Amounts.of(d2.at("/discount/amountRange/max"))).isEqualByComparingTo("20.00");
        assertThat(d2.at("/applicationLimit/times").asInt()).isEqualTo(3);
        assertThat(d2.at("/applicationLimit/per").asText()).isEqualTo("YEARS");
        assertThat(d2.at("/approval/required").asBoolean()).isTrue();
        assertThat(d2.at("/approval/unitCodes/0").asText()).isEqualTo("CUSTOMER-CARE-MANAGERS");
        assertThat(d2.at("/validity/from").asText()).isEqualTo("2015-01-01");

        assertThat(definition("additive-discounts", "D6-LOYALTY-LEVEL-1").at("/discount/level").asInt()).isEqualTo(1);
        JsonNode d6 = definition("additive-discounts", "D6-LOYALTY-LEVEL-2");
        assertThat(d6.at("/discount/level").asInt()).isEqualTo(2);
        assertThat(d6.at("/discount/percentage").decimalValue()).isEqualByComparingTo("20");

        JsonNode b1 = definition("additive-discounts", "B1-THREE-MONTHS-FREE");
        assertThat(b1.at("/criteria/buyInAdvanceDurations/0/minMonths").asInt()).isEqualTo(12);
        assertThat(b1.at("/discount/freePeriod/count").asInt()).isEqualTo(3);
        JsonNode year = definition("buy-in-advance-definitions", "GOLD-YEAR-AHEAD");
        assertThat(year.get("state").asText()).isEqualTo("EFFECTIVE");
        assertThat(year.at("/allowedDurations/0/subscriptionTypeCode").asText()).isEqualTo("GOLD");
        assertThat(year.at("/allowedDurations/0/maxMonths").asInt()).isEqualTo(12);

        var again = api.post("admin", "/api/catalog/sample", "{}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(recordedBy(again)).isZero();
        assertThat(api.get("reporter", "/api/catalog/additive-discounts?validOn=2015-06-01&size=500").json()
                .findValuesAsText("code")).contains("D2-CARE-GOODWILL");
        assertThat(api.get("reporter", "/api/catalog/additive-discounts?validOn=2021-06-01&size=500").json()
                .findValuesAsText("code")).doesNotContain("D2-CARE-GOODWILL", "B1-THREE-MONTHS-FREE")
                .contains("D1-TWO-MONTHS-FREE");
    }

    @Test
    void anAdditiveDiscountIsCreatedAmendedListedAndRead() {
        String code = unique("GOODWILL");
        var created = api.post("admin", "/api/catalog/additive-discounts", adHoc(code, "DRAFT", "5.00", "20.00"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/catalog/additive-discounts/" + code);
        Await.until("the new discount", () -> api.get("reporter", "/api/catalog/additive-discounts/" + code),
                response -> response.status() == 200);

        var amended = api.put("admin", "/api/catalog/additive-discounts/" + code,
                adHoc(code, "EFFECTIVE", "5.00", "25.00"));
        assertThat(amended.status()).as(amended.toString()).isEqualTo(200);
        assertThat(recordedBy(amended)).isEqualTo(1);
        Await.until("the amended discount", () -> api.get("reporter", "/api/catalog/additive-discounts/" + code)
                .json(), entry -> entry.get("version").asLong() >= 1);
        JsonNode entry = api.get("reporter", "/api/catalog/additive-discounts/" + code).json();
        assertThat(entry.get("kind").asText()).isEqualTo("ADDITIVE_DISCOUNT");
        assertThat(entry.get("validFrom").asText()).isEqualTo("2015-01-01");
        assertThat(entry.at("/definition/state").asText()).isEqualTo("EFFECTIVE");
        assertThat(Amounts.of(entry.at("/definition/discount/amountRange/max")))
                .isEqualByComparingTo("25.00");
        assertThat(codes("additive-discounts")).contains(code);

        var same = api.post("admin", "/api/catalog/additive-discounts", adHoc(code, "EFFECTIVE", "5.00", "25.00"));
        assertThat(same.status()).as("the same definition again records nothing, and says so").isEqualTo(200);
        assertThat(same.json().get("recorded").asBoolean()).isFalse();
        assertThat(recordedBy(same)).isZero();
        assertProblem(api.post("admin", "/api/catalog/additive-discounts", adHoc(code, "DRAFT", "1.00", "2.00")),
                409, "CATALOG_ENTRY_EXISTS", "code");
        assertProblem(api.put("admin", "/api/catalog/additive-discounts/" + unique("NONE"),
                adHoc(code, "DRAFT", "1.00", "2.00")), 400, "VALIDATION_FAILED", "code");
        String none = unique("NONE");
        assertProblem(api.put("admin", "/api/catalog/additive-discounts/" + none,
                adHoc(none, "DRAFT", "1.00", "2.00")), 404, "CATALOG_ENTRY_NOT_FOUND", null);
    }

    @Test
    void badDiscountsAreRefusedWithProblemsAndRecordNothing() {
        String code = unique("BAD");
        var refusals = new ArrayList<Api.Response>();
        refusals.add(assertProblem(api.post("admin", "/api/catalog/additive-discounts",
                adHoc(code, "EFFECTIVE", "20.00", "5.00")), 400, "VALIDATION_FAILED", "discount.amountRange"));
        refusals.add(assertProblem(api.post("admin", "/api/catalog/additive-discounts",
                adHoc(code, "EFFECTIVE", "-5.00", "5.00")), 400, "VALIDATION_FAILED", "discount.amountRange.min.amount"));
        refusals.add(assertProblem(api.post("admin", "/api/catalog/additive-discounts",
                percentage(code, "100.5", 1)), 400, "VALIDATION_FAILED", "discount.percentage"));
        refusals.add(assertProblem(api.post("admin", "/api/catalog/additive-discounts",
                percentage(code, "10.12345", 1)), 400, "VALIDATION_FAILED", "discount.percentage"));
        refusals.add(assertProblem(api.post("admin", "/api/catalog/additive-discounts",
                percentage(code, "10", 4)), 400, "VALIDATION_FAILED", "discount.level"));
        refusals.add(assertProblem(api.post("admin", "/api/catalog/additive-discounts",
                adHoc(code, "EFFECTIVE", "5.00", "20.00").replace("\"TV-PACKAGE\"", "\"DECODER-TYPE-X\"")),
                422, "CATALOG_RULE_VIOLATED", "discountedProducts.productTypeCodes"));
        refusals.add(assertProblem(api.post("admin", "/api/catalog/additive-discounts",
                adHoc(code, "EFFECTIVE", "5.00", "20.00").replace("\"2016-01-01\"", "\"2014-01-01\"")),
                400, "VALIDATION_FAILED", "validity"));
        refusals.add(assertProblem(api.post("admin", "/api/catalog/additive-discounts", "{}"),
                400, "VALIDATION_FAILED", "code"));
        refusals.add(assertProblem(api.post("admin", "/api/catalog/additive-discounts",
                adHoc(code, "EFFECTIVE", "5.00", "20.00").replace("\"AD_HOC\"", "\"SOMETIMES\"")), 400, "VALIDATION_FAILED",
                "type"));

        assertThat(recordedBy(refusals.toArray(Api.Response[]::new))).isZero();
        assertThat(api.get("reporter", "/api/catalog/additive-discounts/" + code).status()).isEqualTo(404);
    }

    @Test
    void onlyOneBuyInAdvanceDefinitionIsEffectiveAtATime() {
        String code = unique("HALF-YEAR");
        var second = api.post("admin", "/api/catalog/buy-in-advance-definitions", buyInAdvance(code, "EFFECTIVE",
                6, 12));
        assertProblem(second, 409, "BUY_IN_ADVANCE_ALREADY_EFFECTIVE", "state");

        var draft = api.post("admin", "/api/catalog/buy-in-advance-definitions", buyInAdvance(code, "DRAFT", 6, 12));
        assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
        var activated = api.put("admin", "/api/catalog/buy-in-advance-definitions/" + code,
                buyInAdvance(code, "EFFECTIVE", 6, 12));
        assertProblem(activated, 409, "BUY_IN_ADVANCE_ALREADY_EFFECTIVE", "state");
        var widened = api.put("admin", "/api/catalog/buy-in-advance-definitions/" + code,
                buyInAdvance(code, "DRAFT", 3, 12));
        assertThat(widened.status()).as(widened.toString()).isEqualTo(200);
        var bad = assertProblem(api.post("admin", "/api/catalog/buy-in-advance-definitions",
                buyInAdvance(unique("BAD"), "DRAFT", 12, 6)), 400, "VALIDATION_FAILED", "allowedDurations");
        String none = unique("NONE");
        var unknown = assertProblem(api.put("admin", "/api/catalog/buy-in-advance-definitions/" + none,
                buyInAdvance(none, "DRAFT", 1, 2)), 404, "CATALOG_ENTRY_NOT_FOUND", null);

        assertThat(recordedBy(second, activated, bad, unknown)).isZero();
        assertThat(recordedBy(draft)).isEqualTo(1);
        assertThat(recordedBy(widened)).isEqualTo(1);
        Await.until("the widened draft", () -> api.get("reporter", "/api/catalog/buy-in-advance-definitions/"
                + code).json(), entry -> entry.at("/definition/allowedDurations/0/minMonths").asInt() == 3);
        JsonNode entry = api.get("reporter", "/api/catalog/buy-in-advance-definitions/" + code).json();
        assertThat(entry.at("/definition/state").asText()).isEqualTo("DRAFT");
        assertThat(codes("buy-in-advance-definitions")).contains(code, "GOLD-YEAR-AHEAD");
        assertThat(definition("buy-in-advance-definitions", "GOLD-YEAR-AHEAD").get("state").asText())
                .isEqualTo("EFFECTIVE");
    }

    private static String adHoc(String code, String state, String min, String max) {
        return """
                {"code": "%s", "name": "Goodwill", "type": "AD_HOC", "classification": "SUBSCRIPTIONS",
                 "appliedServiceType": "NON_USAGE", "state": "%s",
                 "discount": {"kind": "AMOUNT", "amountRange": {"min": {"amount": %s, "currency": "EUR"},
                                                                "max": {"amount": %s, "currency": "EUR"}}},
                 "discountedProducts": {"productTypeCodes": ["TV-PACKAGE"]},
                 "validity": {"from": "2015-01-01", "to": "2016-01-01"},
                 "duration": {"start": "DATE_ADDED"},
                 "applicationLimit": {"times": 3, "per": "YEARS"},
                 "approval": {"required": true, "unitCodes": ["Customer Care Managers"]},
                 "criteria": {"billingTerm": {"frequencies": ["MONTHLY"]}, "subscriptionTypes": ["GOLD"]}}"""
                .formatted(code, state, min, max);
    }

    private static String percentage(String code, String percentage, int level) {
        return """
                {"code": "%s", "name": "Loyalty", "type": "AUTO_APPLY", "classification": "SUBSCRIPTIONS",
                 "appliedServiceType": "BOTH", "state": "EFFECTIVE",
                 "discount": {"kind": "PERCENTAGE", "percentage": %s, "level": %d},
                 "discountedProducts": {"productCodes": ["GOLD"]},
                 "duration": {"start": "SERVICE_EFFECTIVE_DATE", "period": {"count": 6, "unit": "MONTHS"}}}"""
                .formatted(code, percentage, level);
    }

    private static String buyInAdvance(String code, String state, int min, int max) {
        return """
                {"code": "%s", "name": "Half a year ahead", "state": "%s",
                 "allowedDurations": [{"subscriptionTypeCode": "GOLD", "minMonths": %d, "maxMonths": %d}]}"""
                .formatted(code, state, min, max);
    }

    private JsonNode definition(String kind, String code) {
        var response = api.get("reporter", "/api/catalog/" + kind + "/" + code);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("definition");
    }

    private List<String> codes(String kind) {
        List<String> codes = new ArrayList<>();
        api.get("reporter", "/api/catalog/" + kind + "?size=500").json().get("content")
                .forEach(entry -> codes.add(entry.get("code").asText()));
        return codes;
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
