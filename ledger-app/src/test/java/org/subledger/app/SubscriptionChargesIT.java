package org.subledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sagas' and invariants' side of subscriptions, end to end: S4 (a start-up fee billed once on creation), S2
 * (refused over the credit limit, nothing recorded), S3 (accepted when the scheme overrides credit-limit rules), and
 * a serial number installed on one subscription at a time.
 */
class SubscriptionChargesIT extends LedgerIT {

    @BeforeEach
    void sampleCatalog() {
        loadSampleCatalog();
    }

    Api.Response subscribe(String accountId, String scheme, String serial) {
        String items = serial == null ? "" : """
                ,"installedItems":[{"serialNumber":"%s","productCode":"DECODER"}]""".formatted(serial);
        return api.post("agent", "/api/subscriptions", """
                {"accountId":"%s","subscriptionTypeCode":"GOLD",
                 "billingTerms":{"scheme":"%s","billingFrequency":"MONTHLY"},
                 "initialState":"EFFECTIVE","actionDate":"2026-02-01",
                 "distributors":[{"distributorId":"STB-1","providerCode":"NAGRA"}],
                 "services":[{"productCode":"GOLD","distributorIds":["STB-1"]}]%s}"""
                .formatted(accountId, scheme, items));
    }

    JsonNode awaitBalance(String accountId, String expected) {
        return Await.until("balance " + expected, () -> api.get("reporter", "/api/accounts/" + accountId),
                response -> response.status() == 200 && Amounts.of(response.json().get("balance"))
                        .compareTo(new BigDecimal(expected)) == 0).json();
    }

    /** The account's one-off bills of event charges, oldest first, once {@code count} are there. */
    List<JsonNode> eventChargeBills(String accountId, int count) {
        return Await.until(count + " event-charge bills", () -> {
            List<JsonNode> bills = new ArrayList<>();
            api.get("reporter", "/api/accounts/" + accountId + "/bills").json().path("content").forEach(bill -> {
                if ("EVENT_CHARGE".equals(bill.path("kind").asText())) {
                    bills.add(0, bill);
                }
            });
            return bills;
        }, bills -> bills.size() == count);
    }

    @Test
    void s4CreatingASubscriptionBillsTheStartUpFeeOnceOnANumberedBillWithItsTax() {
        String accountId = api.openAccount("Start", "Fee", "500.00");
        var created = subscribe(accountId, "RESIDENTIAL", null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("subscriptionId").asText();

        awaitBalance(accountId, "5.00");
        JsonNode summary = eventChargeBills(accountId, 1).get(0);
        assertThat(summary.get("billNumber").asText()).matches("\\d{4}-\\d{6}");
        assertThat(summary.get("subscriptionId").asText()).isEqualTo(id);
        assertThat(Amounts.of(summary.get("total"))).isEqualByComparingTo("5.00");
        assertThat(Amounts.of(summary.get("taxTotal"))).isEqualByComparingTo("0.80"); // 19 % VAT included
        assertThat(summary.hasNonNull("dueDate")).isTrue();
        JsonNode bill = api.get("reporter", "/api/bills/" + summary.get("billId").asText()).json();
        assertThat(bill.get("lines")).hasSize(1);
        JsonNode line = bill.get("lines").get(0);
        assertThat(line.get("productCode").asText()).isEqualTo("START-UP-FEE");
        assertThat(line.get("from").asText()).isEqualTo("2026-02-01");
        assertThat(Amounts.of(line.get("amount"))).isEqualByComparingTo("5.00");
        assertThat(Amounts.of(line.get("taxAmount"))).isEqualByComparingTo("0.80");
        assertThat(line.get("taxRatePercent").decimalValue()).isEqualByComparingTo("19");
        // on the statement as a bill, not as a bare charge
        JsonNode statement = Await.until("the fee's bill on the statement",
                () -> api.get("reporter", "/api/accounts/" + accountId + "/statement").json(),
                page -> page.get("content").size() == 1);
        assertThat(statement.get("content").get(0).get("entryType").asText()).isEqualTo("BILL");
        assertThat(statement.get("content").get(0).get("postingId").asText())
                .isEqualTo("bill:" + summary.get("billId").asText());
        // the same subscription acted on again does not bill the once-per-subscription fee again
        assertThat(api.post("supervisor", "/api/subscriptions/" + id + "/deactivate", "{\"actionDate\":\"2026-02-10\"}")
                .status()).isEqualTo(200);
        assertThat(api.post("supervisor", "/api/subscriptions/" + id + "/reactivate", "{\"actionDate\":\"2026-02-11\"}")
                .status()).isEqualTo(200);
        Await.until("the reactivation projected", () -> api.get("reporter", "/api/subscriptions/" + id).json()
                .path("state").asText(), "EFFECTIVE"::equals);
        assertThat(jdbc.queryForObject("select count(*) from account_statement_line where account_id = ?",
                Long.class, accountId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from bill where account_id = ?", Long.class, accountId))
                .isEqualTo(1);
    }

    @Test
    void s2AndS3OverTheCreditLimitASaleIsRefusedUnlessTheSchemeOverridesIt() {
        String accountId = api.openAccount("Over", "Limit", "50.00");
        api.post("agent", "/api/accounts/" + accountId + "/charges", "{\"amount\": 80.00}");
        long before = eventCount(accountId); // no subscription yet: no saga writes to the account

        var refused = subscribe(accountId, "RESIDENTIAL", null);
        AccountsIT.assertProblem(refused, 422, "CREDIT_LIMIT_EXCEEDED", null);
        assertThat(recordedBy(refused)).isZero();
        assertThat(eventCount(accountId)).isEqualTo(before);

        var corporate = subscribe(accountId, "CORPORATE", null);
        assertThat(corporate.status()).as(corporate.toString()).isEqualTo(201);
    }

    @Test
    void s2AddingAServiceIsRefusedOnceTheBalanceExceedsTheLimit() {
        String accountId = api.openAccount("Later", "Over", "50.00");
        var created = subscribe(accountId, "RESIDENTIAL", null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("subscriptionId").asText();
        api.post("agent", "/api/accounts/" + accountId + "/charges", "{\"amount\": 80.00}");
        long before = eventCount(id); // the subscription's own stream: its sagas write elsewhere

        var refused = AccountsIT.assertProblem(api.post("agent", "/api/subscriptions/" + id + "/services", """
                {"productCode":"EUROSPORT-1","distributorIds":["STB-1"],"actionDate":"2026-02-05"}"""),
                422, "CREDIT_LIMIT_EXCEEDED", null);
        assertThat(recordedBy(refused)).isZero();
        assertThat(eventCount(id)).isEqualTo(before);
    }

    @Test
    void terminationInsideTheBindingPeriodChargesTheEarlyTerminationPenalty() {
        String accountId = api.openAccount("Early", "Leaver", "500.00");
        var created = api.post("agent", "/api/subscriptions", """
                {"accountId":"%s","subscriptionTypeCode":"GOLD",
                 "billingTerms":{"scheme":"RESIDENTIAL","billingFrequency":"MONTHLY",
                                 "earlyTerminationPenalty":{"amount":120.00,"currency":"EUR"}},
                 "initialState":"EFFECTIVE","actionDate":"2026-02-01",
                 "distributors":[{"distributorId":"STB-1","providerCode":"NAGRA"}],
                 "services":[{"productCode":"GOLD","distributorIds":["STB-1"]}]}""".formatted(accountId));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("subscriptionId").asText();
        awaitBalance(accountId, "5.00");

        assertThat(api.post("supervisor", "/api/subscriptions/" + id + "/terminate", "{\"actionDate\":\"2026-06-01\"}")
                .status()).isEqualTo(200);
        awaitBalance(accountId, "125.00");
        // the penalty is a document too: a bill of its own, one line, no product and so no tax
        JsonNode penalty = eventChargeBills(accountId, 2).get(1);
        assertThat(Amounts.of(penalty.get("total"))).isEqualByComparingTo("120.00");
        assertThat(Amounts.of(penalty.get("taxTotal"))).isZero();
        JsonNode line = api.get("reporter", "/api/bills/" + penalty.get("billId").asText()).json().get("lines").get(0);
        assertThat(line.get("description").asText()).isEqualTo("Early termination penalty");
        assertThat(line.get("from").asText()).isEqualTo("2026-06-01");
    }

    @Test
    void aSerialNumberIsInstalledOnOneSubscriptionAtATime() {
        String serial = "SN-" + UUID.randomUUID();
        String first = api.openAccount("First", "Owner", "500.00");
        String second = api.openAccount("Second", "Owner", "500.00");
        assertThat(subscribe(first, "RESIDENTIAL", serial).status()).isEqualTo(201);
        // the start-up fee of the first subscription is charged by a saga: counted only once it is there
        awaitBalance(first, "5.00");

        // the first subscription's start-up-fee and provisioning sagas may still be writing: count only what the
        // refused request recorded, and the stream of the second account, which has no subscription
        long before = eventCount(second);
        var refused = AccountsIT.assertProblem(subscribe(second, "RESIDENTIAL", serial), 409,
                "SERIAL_NUMBER_IN_USE", null);
        assertThat(recordedBy(refused)).isZero();
        assertThat(eventCount(second)).isEqualTo(before);
    }
}
