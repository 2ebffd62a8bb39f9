package org.subledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Usage criteria of additive discounts (issue 12) end to end: half price on pay-per-view used on weekend evenings
 * (18:00 to 23:00), on a prepaid subscription whose usage is billed at once. A Saturday evening's film is billed at
 * 1.50 with the discount's line naming the usage criteria; a Monday's at 3.00. The definition is valid in March 2033
 * only, the month the subscription is billed in, so no other test's usage meets it.
 */
class DiscountUsageCriteriaIT extends LedgerIT {

    @Test
    void aWeekendEveningsDiscountHalvesOnlyTheUsageItSelects() {
        assertThat(api.post("admin", "/api/catalog/sample", "{}").status()).isEqualTo(200);
        String code = "WEEKEND-PPV-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        var defined = api.post("admin", "/api/catalog/additive-discounts", """
                {"code": "%s", "name": "Weekend evenings at half price", "type": "AUTO_APPLY",
                 "classification": "SUBSCRIPTIONS", "appliedServiceType": "USAGE", "state": "EFFECTIVE",
                 "discount": {"kind": "PERCENTAGE", "percentage": 50, "level": 1},
                 "discountedProducts": {"productCodes": ["BRAVEHEART"]},
                 "validity": {"from": "2033-03-01", "to": "2033-03-31"},
                 "duration": {"start": "DATE_ADDED"},
                 "criteria": {"usage": {"daysOfWeek": ["SATURDAY", "SUNDAY"], "from": "18:00", "to": "23:00"}}}"""
                .formatted(code));
        assertThat(defined.status()).as(defined.toString()).isEqualTo(201);
        String accountId = api.openAccount("Petros", "Kyriakou", "5000.00");
        var prepaid = api.post("agent", "/api/subscriptions", """
                {"accountId":"%s","subscriptionTypeCode":"GOLD-PREPAID",
                 "billingTerms":{"scheme":"PREPAID","billingFrequency":"MONTHLY"},
                 "initialState":"EFFECTIVE","actionDate":"2033-03-01",
                 "distributors":[{"distributorId":"STB-1","providerCode":"NAGRA"}],
                 "services":[{"productCode":"PPV-MOVIES","distributorIds":["STB-1"]}]}""".formatted(accountId));
        assertThat(prepaid.status()).as(prepaid.toString()).isEqualTo(201);
        String subscriptionId = prepaid.json().get("subscriptionId").asText();

        usage(subscriptionId, "2033-03-05T21:30:00"); // a Saturday evening
        JsonNode saturday = bill(accountId, 1);
        usage(subscriptionId, "2033-03-07T21:30:00"); // a Monday evening
        bill(accountId, 2);

        JsonNode bills = BillLists.withoutEventChargeBills(
                api.get("reporter", "/api/accounts/" + accountId + "/bills").json()).path("content");
        List<BigDecimal> totals = StreamSupport.stream(bills.spliterator(), false)
                .map(listed -> Amounts.of(listed.get("total"))).sorted().toList();
        assertThat(totals).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("1.50"), new BigDecimal("3.00"));
        JsonNode discounted = api.get("agent", "/api/bills/" + saturday.get("billId").asText()).json();
        JsonNode line = StreamSupport.stream(discounted.get("lines").spliterator(), false)
                .filter(candidate -> candidate.get("kind").asText().equals("DISCOUNT")).findFirst().orElseThrow();
        assertThat(Amounts.of(line.get("amount"))).isEqualByComparingTo("-1.50");
        assertThat(line.toString()).contains("used on [SATURDAY, SUNDAY]", "used from 18:00 to 23:00");
    }

    private void usage(String subscriptionId, String usedAt) {
        var response = api.post("billing", "/api/subscriptions/" + subscriptionId + "/usage", """
                {"recordId":"%s","productCode":"BRAVEHEART","usedAt":"%s"}""".formatted(UUID.randomUUID(), usedAt));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    /** The account's bills once there are {@code count}: the newest of them. */
    private JsonNode bill(String accountId, int count) {
        JsonNode content = Await.until(count + " usage bill(s)", () -> BillLists.withoutEventChargeBills(
                api.get("reporter", "/api/accounts/"
                + accountId + "/bills").json()).path("content"), listed -> listed.size() == count);
        return StreamSupport.stream(content.spliterator(), false).filter(listed -> count > 1
                || listed.get("kind").asText().equals("USAGE")).findFirst().orElseThrow();
    }
}
