package org.subledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
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
        loadSampleCatalog();
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

    /**
     * Totals count back from the billing date, and a usage bill is billed on the ledger's today: this test's usage is
     * dated the two days before it, at 03:17, a minute of the day that only this discount's time window admits, so
     * no other test's usage meets it.
     */
    @Test
    void aTotalQuantityPerMonthGivesTheDiscountOnlyOnceTheMonthsUsageReachesIt() {
        loadSampleCatalog();
        LocalDate today = LocalDate.now(ledgerClock);
        String code = "SECOND-FILM-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        var defined = api.post("admin", "/api/catalog/additive-discounts", """
                {"code": "%s", "name": "Half price from the second film of a month", "type": "AUTO_APPLY",
                 "classification": "SUBSCRIPTIONS", "appliedServiceType": "USAGE", "state": "EFFECTIVE",
                 "discount": {"kind": "PERCENTAGE", "percentage": 50, "level": 1},
                 "discountedProducts": {"productCodes": ["BRAVEHEART"]},
                 "validity": {"from": "%s", "to": "%s"},
                 "duration": {"start": "DATE_ADDED"},
                 "criteria": {"usage": {"usageServiceTypes": ["VOD"], "from": "03:17", "to": "03:18",
                                        "totalQuantity": {"min": 2, "per": "MONTHS"}}}}"""
                .formatted(code, today.minusDays(40), today.plusDays(40)));
        assertThat(defined.status()).as(defined.toString()).isEqualTo(201);
        String accountId = api.openAccount("Anna", "Georgiou", "5000.00");
        var prepaid = api.post("agent", "/api/subscriptions", """
                {"accountId":"%s","subscriptionTypeCode":"GOLD-PREPAID",
                 "billingTerms":{"scheme":"PREPAID","billingFrequency":"MONTHLY"},
                 "initialState":"EFFECTIVE","actionDate":"%s",
                 "distributors":[{"distributorId":"STB-1","providerCode":"NAGRA"}],
                 "services":[{"productCode":"PPV-MOVIES","distributorIds":["STB-1"]}]}""".formatted(accountId,
                today.minusDays(3)));
        assertThat(prepaid.status()).as(prepaid.toString()).isEqualTo(201);
        String subscriptionId = prepaid.json().get("subscriptionId").asText();

        usage(subscriptionId, today.minusDays(2) + "T03:17:30"); // the month's first film: not met, no discount
        usageBills(accountId, 1);
        usage(subscriptionId, today.minusDays(1) + "T03:17:30"); // the second, the first billed before: met
        List<JsonNode> bills = usageBills(accountId, 2);

        // a bill run of another test on today may bill this subscription's Gold too: only usage bills are looked at
        assertThat(bills).extracting(bill -> Amounts.of(bill.get("total")).setScale(2).toPlainString())
                .containsExactly("2.00", "1.00"); // 2.00 is the film's night rate
        JsonNode line = StreamSupport.stream(api.get("agent", "/api/bills/" + bills.get(1).get("billId").asText())
                        .json().get("lines").spliterator(), false)
                .filter(candidate -> candidate.get("kind").asText().equals("DISCOUNT")).findFirst().orElseThrow();
        assertThat(line.toString()).contains("usage service type one of [VOD]",
                "usage records at least 2 per month (2)");
    }

    /** The account's usage bills once there are {@code count}, in the order issued. */
    private List<JsonNode> usageBills(String accountId, int count) {
        java.util.function.Supplier<List<JsonNode>> usageBills = () -> StreamSupport.stream(api.get("reporter",
                        "/api/accounts/" + accountId + "/bills?size=50").json().path("content").spliterator(), false)
                .filter(listed -> listed.get("kind").asText().equals("USAGE"))
                .sorted(java.util.Comparator.comparing((JsonNode listed) -> listed.get("billNumber").asText()))
                .toList();
        return Await.until(count + " usage bill(s)", usageBills, listed -> listed.size() == count);
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
