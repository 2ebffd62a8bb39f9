package org.subledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documented demo command on a ledger of its own (its bill run bills every subscription due, so it must not
 * share a ledger with other tests): five customers, a bill run, and bills and balances to look at.
 */
class DemoIT {

    @Test
    void theDemoCreatesCustomersAndBillsThem() {
        Path dataDir = Path.of("target", "it-postgres", "demo-" + UUID.randomUUID());
        try (var ledger = new SpringApplicationBuilder(LedgerApplication.class).run(
                "--ledger.embedded-postgres.data-dir=" + dataDir, "--ledger.embedded-postgres.port=0",
                "--server.port=0")) {
            var api = RestartIT.api(ledger);
            assertThat(api.post("agent", "/api/demo", "{}").status()).isEqualTo(403);

            // a customer of the ledger's own, due for billing too: the demo's run must leave it alone
            assertThat(api.post("admin", "/api/catalog/sample", "{}").status()).isEqualTo(200);
            String outsider = api.openAccount("Not", "Demo", "5000.00");
            var outsiderSubscription = api.post("agent", "/api/subscriptions", """
                    {"accountId":"%s","subscriptionTypeCode":"GOLD",
                     "billingTerms":{"scheme":"RESIDENTIAL","billingFrequency":"MONTHLY"},
                     "initialState":"EFFECTIVE","actionDate":"%s",
                     "distributors":[{"distributorId":"STB-1","providerCode":"NAGRA"}],
                     "services":[{"productCode":"GOLD","distributorIds":["STB-1"]}]}"""
                    .formatted(outsider, java.time.LocalDate.now().withDayOfMonth(1).minusMonths(1)));
            assertThat(outsiderSubscription.status()).as(outsiderSubscription.toString()).isEqualTo(201);

            var demo = api.post("admin", "/api/demo", "{}");

            assertThat(demo.status()).as(demo.toString()).isEqualTo(200);
            JsonNode customers = demo.json().get("customers");
            assertThat(customers).hasSize(5);
            String run = demo.json().get("billRun").asText();
            Await.until("the demo's bill run", () -> api.get("reporter", run).json().path("status").asText(),
                    "COMPLETED"::equals);
            assertThat(api.get("reporter", run).json().get("billed").asLong()).isEqualTo(5);
            assertThat(api.get("reporter", run).json().get("subscriptionsTotal").asLong())
                    .as("the demo's run had its own five customers' subscriptions as candidates, no more")
                    .isEqualTo(5);
            customers.forEach(customer -> {
                JsonNode bills = Await.until("bills of " + customer.get("name").asText(),
                        () -> api.get("reporter", customer.get("bills").asText()).json().path("content"),
                        content -> content.size() >= 1);
                BigDecimal billed = BigDecimal.ZERO;
                for (JsonNode bill : bills) {
                    billed = billed.add(Amounts.of(bill.get("total")));
                }
                assertThat(billed).as(customer.get("name").asText()).isPositive();
                BigDecimal expected = billed;
                Await.until("balance of " + customer.get("name").asText(), () -> Amounts.of(api.get("reporter",
                        customer.get("balance").asText()).json().get("balance")),
                        balance -> balance.compareTo(expected) >= 0);
            });
            // the discounts on its bills: an approved ad hoc one and the auto-apply loyalty levels
            assertThat(discountLines(api, customer(customers, "Petros Demetriou"))).contains("GOODWILL-CREDIT");
            assertThat(discountLines(api, customer(customers, "Andreas Ioannou")))
                    .contains("D6-LOYALTY-LEVEL-1", "D6-LOYALTY-LEVEL-2");

            JsonNode job = demo.json().get("installationJob");
            JsonNode billed = Await.until("the demo job billed", () -> api.get("reporter", job.get("job").asText())
                    .json(), json -> json.path("bill").path("total").has("amount"));
            assertThat(new BigDecimal(billed.get("bill").get("total").get("amount").asText()))
                    .isEqualByComparingTo("140.00");
            JsonNode ordered = Await.until("the subscription the demo job ordered", () -> api.get("reporter",
                    job.get("subscription").asText()), response -> response.status() == 200).json();
            assertThat(ordered.get("state").asText()).isEqualTo("DRAFT");
        }
    }

    private static JsonNode customer(JsonNode customers, String name) {
        for (JsonNode customer : customers) {
            if (customer.get("name").asText().equals(name)) {
                return customer;
            }
        }
        throw new AssertionError("no demo customer " + name + " in " + customers);
    }

    /** The product codes of the discount lines on the customer's bills (a discount line names its definition). */
    private static List<String> discountLines(Api api, JsonNode customer) {
        List<String> codes = new ArrayList<>();
        for (JsonNode summary : api.get("reporter", customer.get("bills").asText()).json().path("content")) {
            for (JsonNode line : api.get("reporter", "/api/bills/" + summary.get("billId").asText()).json()
                    .path("lines")) {
                if ("DISCOUNT".equals(line.path("kind").asText())) {
                    codes.add(line.path("productCode").asText());
                }
            }
        }
        return codes;
    }
}
