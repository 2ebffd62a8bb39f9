package org.subledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.app.AccountsIT.assertProblem;
import static org.subledger.app.BillingIT.lines;
import static org.subledger.app.BillingIT.service;

/**
 * {@code GET /api/bills/{id}/explanation} on the real ledger: a bill with a prorated service added mid-period, a usage
 * line and an auto-apply discount explains each line by the price version, distributors, proration, discount
 * definition and usage record behind it, each fact naming a stored event of the right type; the same as text.
 */
class ExplainedBillsIT extends LedgerIT {

    String type;
    String discount;

    @BeforeEach
    void catalog() {
        loadSampleCatalog();
        type = "EX-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        var created = api.post("admin", "/api/catalog/subscription-types", """
                {"code": "%s", "name": "Explained bills", "allowedBillingTermSchemes": ["RESIDENTIAL"],
                 "allowedProviders": ["NAGRA"],
                 "allowedProducts": ["PLATINUM", "BOUQUET", "EUROSPORT-1", "PPV-MOVIES"]}""".formatted(type));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        discount = "TENTH-" + type;
        var definition = api.post("admin", "/api/catalog/additive-discounts", """
                {"code": "%s", "name": "A tenth off Platinum", "type": "AUTO_APPLY", "classification": "SUBSCRIPTIONS",
                 "appliedServiceType": "NON_USAGE", "state": "EFFECTIVE",
                 "discount": {"kind": "PERCENTAGE", "percentage": 10, "level": 1},
                 "discountedProducts": {"productCodes": ["PLATINUM"]},
                 "duration": {"start": "AGREEMENT_DATE"},
                 "criteria": {"subscriptionTypes": ["%s"]}}""".formatted(discount, type));
        assertThat(definition.status()).as(definition.toString()).isEqualTo(201);
    }

    @Test
    void eachLineIsExplainedByTheFactsAndEventsBehindIt() {
        String account = api.openAccount("Explained", "Bill", "5000.00");
        String subscription = subscribe(account, service("PLATINUM", "STB-1"), service("PPV-MOVIES", "STB-1"));
        runBills(LocalDate.of(2026, 1, 1));
        var added = api.post("agent", "/api/subscriptions/" + subscription + "/services", """
                {"productCode":"BOUQUET","components":["EUROSPORT-1"],"distributorIds":["STB-1","STB-2"],
                 "actionDate":"2026-01-17"}""");
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        String recordId = UUID.randomUUID().toString();
        var usage = api.post("billing", "/api/subscriptions/" + subscription + "/usage", """
                {"recordId":"%s","productCode":"BRAVEHEART","usedAt":"2026-01-20T21:30:00"}""".formatted(recordId));
        assertThat(usage.status()).as(usage.toString()).isEqualTo(201);
        Await.until("the usage record unbilled", () -> api.get("reporter", "/api/subscriptions/" + subscription
                + "/unbilled-usage"),
                response -> response.status() == 200 && response.json().path("records").size() == 1);
        runBills(LocalDate.of(2026, 2, 1));
        String billId = billIds(account, 2).get(1);

        var response = api.get("auditor", "/api/bills/" + billId + "/explanation");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode bill = response.json();
        assertThat(eventType(bill.get("billIssuedEventId").asText())).isEqualTo("BillIssued");
        assertThat(eventType(bill.get("subscriptionBilledEventId").asText())).isEqualTo("SubscriptionBilled");
        assertThat(bill.at("/pricePlan/code").asText()).isNotBlank();
        assertThat(eventType(bill.at("/pricePlan/definitionEventId").asText())).startsWith("PricePlan");
        assertThat(eventType(bill.at("/pricePlan/billingTermsEventId").asText())).isEqualTo("SubscriptionCreated");
        lines(bill).forEach(line -> assertThat(line.at("/sourceEventIds/0").asText())
                .isEqualTo(bill.get("billIssuedEventId").asText()));

        // the bouquet, added on 17 January: 15 of January's 31 days, on two distributors
        JsonNode bouquet = line(bill, "RECURRING", "BOUQUET", "2026-01-17");
        assertThat(bouquet.at("/proration/daysUsed").asLong()).isEqualTo(15);
        assertThat(bouquet.at("/proration/daysInPeriod").asLong()).isEqualTo(31);
        assertThat(bouquet.at("/rate/version").asInt()).isPositive();
        assertThat(bouquet.at("/rate/effectiveFrom").asText()).isNotBlank();
        assertThat(bouquet.at("/rate/model").asText()).isNotBlank();
        assertThat(eventType(bouquet.at("/rate/eventId").asText())).isEqualTo("ProductRateSet");
        assertThat(bouquet.at("/quantitySource/quantity").asLong()).isEqualTo(2);
        assertThat(eventType(bouquet.at("/quantitySource/serviceEventId").asText())).isEqualTo("ServiceAdded");
        assertThat(texts(bouquet.at("/quantitySource/distributors"), "distributorId")).containsExactly("STB-1",
                "STB-2");
        assertThat(texts(bouquet.at("/quantitySource/distributors"), "eventId")).allSatisfy(id ->
                assertThat(eventType(id)).isEqualTo("SubscriptionCreated"));
        assertThat(texts(bouquet.get("sourceEventIds"), null)).contains(bouquet.at("/rate/eventId").asText(),
                bouquet.at("/quantitySource/serviceEventId").asText());

        // Platinum is discounted by the definition's tenth, which is a discount line of its own
        JsonNode platinum = line(bill, "RECURRING", "PLATINUM", "2026-02-01");
        assertThat(platinum.get("proration").isNull()).isTrue();
        JsonNode taken = platinum.at("/discounts/0");
        assertThat(taken.get("definitionCode").asText()).isEqualTo(discount);
        // recorded inside the bill's own SubscriptionBilled (revision 2), not as an event of its own
        assertThat(eventType(taken.get("appliedEventId").asText())).isEqualTo("SubscriptionBilled");
        JsonNode discountLine = line(bill, "DISCOUNT", discount, null);
        JsonNode given = discountLine.at("/discounts/0");
        assertThat(given.at("/definition/name").asText()).isEqualTo("A tenth off Platinum");
        assertThat(given.at("/definition/discount/percentage").asInt()).isEqualTo(10);
        assertThat(eventType(given.get("definitionEventId").asText())).isEqualTo("AdditiveDiscountCreated");
        assertThat(texts(given.get("lines"), null)).containsExactly(platinum.get("lineNo").asInt() + " PLATINUM");
        assertThat(texts(discountLine.get("sourceEventIds"), null)).contains(given.get("definitionEventId").asText(),
                given.get("appliedEventId").asText());

        // the usage line names its record as recorded and rated
        JsonNode movie = line(bill, "USAGE", "BRAVEHEART", null);
        JsonNode record = movie.at("/usageRecords/0");
        assertThat(record.get("recordId").asText()).isEqualTo(recordId);
        assertThat(record.get("usedAt").asText()).startsWith("2026-01-20T21:30");
        assertThat(eventType(record.get("eventId").asText())).isEqualTo("UsageRecorded");
        assertThat(movie.at("/rate/levelsHit")).isNotEmpty();

        var text = api.send("auditor", "GET", "/api/bills/" + billId + "/explanation", null,
                Map.of("Accept", "text/plain"));
        assertThat(text.status()).as(text.toString()).isEqualTo(200);
        assertThat(text.header("Content-Type")).startsWith("text/plain");
        assertThat(text.body()).contains("Bill " + bill.get("billNumber").asText(),
                "prorated: 15 days used of 31 in the period", "usage record " + recordId,
                "discount " + discount, "quantity 2 from distributors STB-1", bouquet.at("/rate/eventId").asText());
    }

    @Test
    void anUnknownBillIsNotFoundAsProblemJson() {
        assertProblem(api.get("auditor", "/api/bills/no-such-bill/explanation"), 404, "BILL_NOT_FOUND", null);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private String subscribe(String accountId, String... services) {
        var created = api.post("agent", "/api/subscriptions", """
                {"accountId":"%s","subscriptionTypeCode":"%s",
                 "billingTerms":{"scheme":"RESIDENTIAL","billingFrequency":"MONTHLY"},
                 "initialState":"EFFECTIVE","actionDate":"2026-01-01",
                 "distributors":[{"distributorId":"STB-1","providerCode":"NAGRA"},
                                 {"distributorId":"STB-2","providerCode":"NAGRA"}],
                 "services":[%s]}""".formatted(accountId, type, String.join(",", services)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("subscriptionId").asText();
    }

    private void runBills(LocalDate billingDate) {
        BillRuns.runWithoutFailures(api, billingDate, type);
    }

    /** The account's bill ids in the order issued, once {@code count} are projected. */
    private List<String> billIds(String accountId, int count) {
        JsonNode page = Await.until(count + " bills of " + accountId, () -> BillLists.withoutEventChargeBills(
                api.get("reporter", "/api/accounts/"
                + accountId + "/bills?size=50").json()), json -> json.path("content").size() == count);
        List<JsonNode> bills = new ArrayList<>();
        page.get("content").forEach(bills::add);
        bills.sort(java.util.Comparator.comparing((JsonNode bill) -> bill.get("billNumber").asText()));
        return bills.stream().map(bill -> bill.get("billId").asText()).toList();
    }

    private static JsonNode line(JsonNode bill, String kind, String productCode, String from) {
        return lines(bill).stream().filter(line -> line.get("kind").asText().equals(kind)
                        && line.get("productCode").asText().equals(productCode)
                        && (from == null || line.get("from").asText().equals(from))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " line of " + productCode + " on " + bill));
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(field == null ? node.asText() : node.get(field).asText()));
        return texts;
    }

    /** The simple type name of the stored event with this identifier. */
    private String eventType(String eventId) {
        String type = jdbc.queryForObject("select payload_type from domain_event_entry where event_identifier = ?",
                String.class, eventId);
        return type.substring(type.lastIndexOf('.') + 1);
    }
}
