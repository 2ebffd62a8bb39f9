package org.subledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Usage detail records end to end, on the sample catalog (U1-U3): one record and a batch, a duplicate skipped, a
 * subscription without PPV Movies refused (U3) while the batch's other records are recorded; and a one-off charge
 * and a billing directive.
 */
class UsageIT extends LedgerIT {


    @BeforeEach
    void sampleCatalog() {
        loadSampleCatalog();
    }

    String subscribe(String... services) {
        String accountId = api.openAccount("Movie", "Watcher", "500.00");
        String list = String.join(",", java.util.Arrays.stream(services)
                .map(code -> "{\"productCode\":\"" + code + "\",\"distributorIds\":[\"STB-1\"]}").toList());
        var created = api.post("agent", "/api/subscriptions", """
                {"accountId":"%s","subscriptionTypeCode":"GOLD",
                 "billingTerms":{"scheme":"RESIDENTIAL","billingFrequency":"MONTHLY"},
                 "initialState":"EFFECTIVE","actionDate":"2026-02-01",
                 "distributors":[{"distributorId":"STB-1","providerCode":"NAGRA"}],
                 "services":[%s]}""".formatted(accountId, list));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("subscriptionId").asText();
    }

    List<BigDecimal> recordedAmounts(String subscriptionId) {
        return recordedUsage(subscriptionId).stream()
                .map(record -> new BigDecimal(record.get("amount").get("amount").asText())).toList();
    }

    @Test
    void usageIsRatedByTimeOfDayDuplicatesAreSkippedAndUsageWithoutPpvMoviesIsRefused() {
        String watcher = subscribe("GOLD", "PPV-MOVIES");
        String withoutMovies = subscribe("GOLD");
        String u1 = "U1-" + UUID.randomUUID();
        String u2 = "U2-" + UUID.randomUUID();
        String u3 = "U3-" + UUID.randomUUID();

        // U1: Braveheart at 21:30 costs the base 3.00
        var single = api.post("billing", "/api/subscriptions/" + watcher + "/usage", """
                {"recordId":"%s","productCode":"BRAVEHEART","usedAt":"2026-03-20T21:30:00"}""".formatted(u1));
        assertThat(single.status()).as(single.toString()).isEqualTo(201);
        assertThat(single.json().get("accepted").asInt()).isEqualTo(1);
        assertThat(single.json().get("acceptedRecordIds").get(0).asText()).isEqualTo(u1);

        // U3: no PPV Movies on the subscription
        long before = eventCount(withoutMovies);
        var refused = api.post("billing", "/api/subscriptions/" + withoutMovies + "/usage", """
                {"records":[{"recordId":"%s","productCode":"LIMITLESS","usedAt":"2026-03-20T21:30:00"}]}"""
                .formatted(u3));
        AccountsIT.assertProblem(refused, 422, "RELATED_SERVICE_NOT_EFFECTIVE", "productCode");
        assertThat(eventCount(withoutMovies)).isEqualTo(before);

        // a batch: U2 (Serendipity at 02:15, 2.00), U1 again (a duplicate), and U3's subscription again (refused)
        var batch = api.post("billing", "/api/usage/batches", """
                {"records":[
                  {"subscriptionId":"%1$s","recordId":"%2$s","productCode":"SERENDIPITY","usedAt":"2026-03-21T02:15:00"},
                  {"subscriptionId":"%1$s","recordId":"%3$s","productCode":"BRAVEHEART","usedAt":"2026-03-20T21:30:00"},
                  {"subscriptionId":"%4$s","recordId":"%5$s","productCode":"LIMITLESS","usedAt":"2026-03-21T20:00:00"}
                ]}""".formatted(watcher, u2, u1, withoutMovies, u3));
        assertThat(batch.status()).as(batch.toString()).isEqualTo(200);
        JsonNode outcome = batch.json();
        assertThat(outcome.get("accepted").asInt()).isEqualTo(1);
        assertThat(outcome.get("duplicates").asInt()).isEqualTo(1);
        assertThat(outcome.get("refused").asInt()).isEqualTo(1);
        JsonNode recorded = outcome.get("subscriptions").get(0);
        assertThat(recorded.get("subscriptionId").asText()).isEqualTo(watcher);
        assertThat(recorded.get("status").asText()).isEqualTo("RECORDED");
        assertThat(recorded.get("acceptedRecordIds").get(0).asText()).isEqualTo(u2);
        assertThat(recorded.get("duplicateRecordIds").get(0).asText()).isEqualTo(u1);
        JsonNode problem = outcome.get("subscriptions").get(1);
        assertThat(problem.get("subscriptionId").asText()).isEqualTo(withoutMovies);
        assertThat(problem.get("status").asText()).isEqualTo("REFUSED");
        assertThat(problem.get("problem").get("code").asText()).isEqualTo("RELATED_SERVICE_NOT_EFFECTIVE");
        assertThat(problem.get("problem").get("status").asInt()).isEqualTo(422);
        assertThat(problem.get("problem").get("detail").asText()).contains("PPV-MOVIES");

        assertThat(recordedAmounts(watcher)).extracting(BigDecimal::stripTrailingZeros)
                .containsExactly(new BigDecimal("3"), new BigDecimal("2"));
        assertThat(recordedAmounts(withoutMovies)).isEmpty();
    }

    @Test
    void aOneOffChargeIsAddedOnceAndAServiceCanBeCredited() {
        String subscription = subscribe("GOLD", "PPV-MOVIES");
        String charge = """
                {"chargeId":"C-1","productCode":"ROUTER","units":1,"chargedOn":"2026-03-01",
                 "description":"Router sold in the shop"}""";
        var added = api.post("agent", "/api/subscriptions/" + subscription + "/one-off-charges", charge);
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        long after = eventCount(subscription);
        assertThat(api.post("agent", "/api/subscriptions/" + subscription + "/one-off-charges", charge).status())
                .isEqualTo(200);
        assertThat(eventCount(subscription)).isEqualTo(after);

        AccountsIT.assertProblem(api.post("agent", "/api/subscriptions/" + subscription + "/one-off-charges", """
                {"chargeId":"C-2","productCode":"GOLD","units":1}"""), 422, "CATALOG_RULE_VIOLATED", "productCode");

        var credited = api.put("billing", "/api/subscriptions/" + subscription
                + "/services/PPV-MOVIES/billing-directive", "{\"directive\":\"CREDIT\",\"reason\":\"outage\"}");
        assertThat(credited.status()).as(credited.toString()).isEqualTo(200);
        AccountsIT.assertProblem(api.put("billing", "/api/subscriptions/" + subscription
                        + "/services/EUROSPORT-1/billing-directive", "{\"directive\":\"CREDIT\"}"), 422,
                "SUBSCRIPTION_RULE_VIOLATED", "productCode");
        assertThat(api.put("agent", "/api/subscriptions/" + subscription + "/services/GOLD/billing-directive",
                "{\"directive\":\"IGNORE\"}").status()).isEqualTo(403);
    }
}
