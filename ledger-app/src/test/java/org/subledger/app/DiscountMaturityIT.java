package org.subledger.app;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.app.AccountsIT.assertProblem;

/**
 * The maturity criterion of additive discounts (issue 12) at the API: an ad hoc discount for subscriptions effective
 * above 60 days without an interruption over 7 days is refused on a young subscription and after a longer
 * deactivation, with nothing recorded, and accepted once the subscription has matured again.
 */
class DiscountMaturityIT extends LedgerIT {

    private String subscriptionId;
    private String code;

    @BeforeEach
    void aGoldSubscriptionOfFebruary2015AndAMaturityDiscount() {
        loadSampleCatalog();
        code = "MATURE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        var defined = api.post("admin", "/api/catalog/additive-discounts", """
                {"code": "%s", "name": "Loyal for two months", "type": "AD_HOC", "classification": "SUBSCRIPTIONS",
                 "appliedServiceType": "NON_USAGE", "state": "EFFECTIVE",
                 "discount": {"kind": "AMOUNT", "amount": {"amount": 5.00, "currency": "EUR"}},
                 "discountedProducts": {"productTypeCodes": ["TV-PACKAGE"]},
                 "duration": {"start": "DATE_ADDED"},
                 "criteria": {"maturity": {"aboveDays": 60, "maxInterruptionDays": 7}}}""".formatted(code));
        assertThat(defined.status()).as(defined.toString()).isEqualTo(201);
        String accountId = api.openAccount("Maria", "Ioannou", "500.00");
        var created = api.post("agent", "/api/subscriptions", """
                {"accountId":"%s","subscriptionTypeCode":"GOLD",
                 "billingTerms":{"scheme":"RESIDENTIAL","billingFrequency":"MONTHLY"},
                 "initialState":"EFFECTIVE","actionDate":"2015-02-01",
                 "distributors":[{"distributorId":"STB-1","providerCode":"NAGRA"}],
                 "services":[{"productCode":"GOLD","distributorIds":["STB-1"]}]}""".formatted(accountId));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        subscriptionId = created.json().get("subscriptionId").asText();
    }

    @Test
    void aDiscountForMatureSubscriptionsWaitsForSixtyDaysWithoutALongInterruption() {
        String path = "/api/subscriptions/" + subscriptionId + "/discounts";
        int before = trail().size();

        var young = api.post("agent", path, add("2015-03-01"));
        assertProblem(young, 422, "DISCOUNT_CRITERIA_NOT_MET", "definitionCode");
        assertThat(young.json().get("fields").get("definitionCode").asText()).contains("matured above 60 days");
        assertThat(trail()).hasSize(before);

        // deactivated for 15 days: the count starts again on the reactivation, 2015-03-25
        assertThat(api.post("supervisor", "/api/subscriptions/" + subscriptionId + "/deactivate",
                "{\"actionDate\":\"2015-03-10\"}").status()).isEqualTo(200);
        assertThat(api.post("supervisor", "/api/subscriptions/" + subscriptionId + "/reactivate",
                "{\"actionDate\":\"2015-03-25\"}").status()).isEqualTo(200);
        assertProblem(api.post("agent", path, add("2015-05-01")), 422, "DISCOUNT_CRITERIA_NOT_MET",
                "definitionCode");

        var mature = api.post("agent", path, add("2015-06-01"));
        assertThat(mature.status()).as(mature.toString()).isEqualTo(201);
        assertThat(mature.json().get("status").asText()).isEqualTo("APPROVED");
        assertThat(trail()).extracting(event -> event.get("type").asText()).endsWith("DiscountAdded");
    }

    private String add(String on) {
        return "{\"definitionCode\":\"" + code + "\",\"actionDate\":\"" + on + "\"}";
    }

    private com.fasterxml.jackson.databind.JsonNode trail() {
        return api.get("auditor", "/api/audit/subscriptions/" + subscriptionId + "/events").json().get("events");
    }
}
