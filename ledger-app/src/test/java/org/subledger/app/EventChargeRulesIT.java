package org.subledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.app.AccountsIT.assertProblem;

/**
 * Event charge rules are catalog data (issue 16): an operator reads the sample's start-up fee rule, defines a rule of
 * its own through the API and sees it charged on the action it names, and retires it. The rule here charges a product
 * only its own price plan rates, so the subscriptions of other tests, in other plans, are never charged by it.
 */
class EventChargeRulesIT extends LedgerIT {

    @Test
    void anOperatorDefinesAHookUpFeeAndTheNextSubscriptionInItsPlanIsCharged() {
        loadSampleCatalog();
        JsonNode startUp = Await.until("the sample's start-up fee rule", () -> api.get("reporter",
                "/api/catalog/event-charge-rules/START-UP-FEE"), r -> r.status() == 200).json();
        assertThat(startUp.get("definition").get("trigger").asText()).isEqualTo("BECOME_SUBSCRIBER");
        assertThat(startUp.get("definition").get("recurrence").asText()).isEqualTo("ONCE_PER_SUBSCRIPTION");

        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String product = "HOOK-UP-" + suffix;
        String plan = "HOOK-" + suffix;
        String scheme = "HOOK-" + suffix;
        String type = "HOOK-TV-" + suffix;
        created(api.post("admin", "/api/catalog/products", """
                {"code": "%s", "description": "Hook-up fee", "productTypeCode": "FEE", "brand": "AluxSat",
                 "family": "Fees", "categories": [], "taxRatePercent": 19, "providerProductIds": {}}"""
                .formatted(product)));
        created(api.post("admin", "/api/catalog/price-plans", """
                {"code":"%s","name":"Hook-up plan","kind":"BASE","basePlanCode":null,"currency":"EUR",
                 "selectConditions":[],"applyConditions":[],"allowedOrganisationalUnits":[]}""".formatted(plan)));
        var rate = api.post("admin", "/api/catalog/price-plans/" + plan + "/rates", """
                {"productCode": "%s", "classification": "EXPENSE", "effectiveFrom": "2015-01-01",
                 "rate": {"model": "FLAT", "basis": "QUANTITY", "baseAmount": {"amount": 7.50, "currency": "EUR"},
                          "levels": []}}""".formatted(product));
        assertThat(rate.status() / 100).as(rate.toString()).isEqualTo(2);
        created(api.post("admin", "/api/catalog/billing-term-schemes", """
                {"code":"%s","name":"Hook-up terms","billingFrequencies":["MONTHLY"],"bindingPeriodMonths":0,
                 "allowedPricePlans":["%s"],"defaultPricePlan":"%s","flexiblePricing":false,
                 "overrideCreditLimitRules":false,"termedServiceTiming":"IN_ADVANCE","maxUnbilledUsageAmount":null,
                 "maxUnbilledUsageRecords":null,"prepaid":false}""".formatted(scheme, plan, plan)));
        created(api.post("admin", "/api/catalog/subscription-types", """
                {"code":"%s","name":"Hook-up TV","allowedBillingTermSchemes":["%s"],"allowedProviders":["NAGRA"],
                 "allowedProducts":["%s"]}""".formatted(type, scheme, product)));

        String rule = """
                {"code":"%s","name":"Hook-up fee","trigger":"BECOME_SUBSCRIBER","productCode":"%s",
                 "pricePlanCode":null,"recurrence":"ONCE_PER_SUBSCRIPTION","state":"%s"}""";
        assertThat(api.post("agent", "/api/catalog/event-charge-rules", rule.formatted(product, product,
                "EFFECTIVE")).status()).isEqualTo(403);
        assertProblem(api.post("admin", "/api/catalog/event-charge-rules", rule.formatted(product, "NO-SUCH",
                "EFFECTIVE")), 422, "CATALOG_RULE_VIOLATED", "productCode");
        assertProblem(api.post("admin", "/api/catalog/event-charge-rules", rule.formatted(product, product,
                "EFFECTIVE").replace("\"BECOME_SUBSCRIBER\"", "null")), 400, "VALIDATION_FAILED", "trigger");
        created(api.post("admin", "/api/catalog/event-charge-rules", rule.formatted(product, product, "EFFECTIVE")));
        assertThat(api.post("admin", "/api/catalog/event-charge-rules", rule.formatted(product, product,
                "EFFECTIVE")).status()).as("the same rule again records nothing").isEqualTo(200);

        String account = api.openAccount("Hook", "Up", "500.00");
        var subscription = api.post("agent", "/api/subscriptions", """
                {"accountId":"%s","subscriptionTypeCode":"%s",
                 "billingTerms":{"scheme":"%s","billingFrequency":"MONTHLY"},
                 "initialState":"DRAFT","actionDate":"2026-02-01","services":[]}""".formatted(account, type, scheme));
        assertThat(subscription.status()).as(subscription.toString()).isEqualTo(201);

        // billed on a bill of its own, whose one line names the charge
        JsonNode bills = Await.until("the hook-up fee's bill", () -> api.get("reporter",
                "/api/accounts/" + account + "/bills").json().path("content"), content -> content.size() >= 1);
        assertThat(bills.get(0).get("kind").asText()).isEqualTo("EVENT_CHARGE");
        JsonNode line = api.get("reporter", "/api/bills/" + bills.get(0).get("billId").asText()).json()
                .get("lines").get(0);
        assertThat(line.get("reference").asText()).isEqualTo("event-charge:"
                + subscription.json().get("subscriptionId").asText() + ":" + product.toLowerCase() + ":once");
        assertThat(line.get("productCode").asText()).isEqualTo(product);
        assertThat(Amounts.of(line.get("amount"))).isEqualByComparingTo("7.50");

        var retired = api.put("admin", "/api/catalog/event-charge-rules/" + product, rule.formatted(product,
                product, "INACTIVE"));
        assertThat(retired.status()).as(retired.toString()).isEqualTo(200);
        Await.until("the rule retired on the read side", () -> api.get("reporter",
                "/api/catalog/event-charge-rules/" + product).json().path("definition").path("state").asText(),
                "INACTIVE"::equals);
        JsonNode list = api.get("reporter", "/api/catalog/event-charge-rules?size=200").json();
        assertThat(list.toString()).contains("START-UP-FEE", product);
    }

    private static void created(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }
}
