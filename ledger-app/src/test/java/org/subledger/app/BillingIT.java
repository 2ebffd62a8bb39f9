package org.subledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The billing engine end to end, through the API on the real ledger: bill runs over thirteen months (monthly and
 * annual, with maturity P6 and distributor quantities P7, P8), a second run for the same date billing nothing,
 * mid-period additions and removals prorated, the preview equal to the bill then issued, concurrent usage (S1),
 * one-off charges (P2-P5) and usage (U1, U2) on bills, and usage billed early (prepaid, threshold). Every test works
 * on a subscription type of its own and runs bill runs filtered by it, so tests never bill each other's subscriptions.
 */
class BillingIT extends LedgerIT {

    private static final List<String> PRODUCTS = List.of("GOLD", "PLATINUM", "EUROSPORT-1", "PPV-SERVICE",
            "PPV-MOVIES", "BOUQUET", "DECODER", "ANTENNA", "ROUTER", "START-UP-FEE", "REPAIRS", "INSTALLATION",
            "PUBLIC-TV");

    String type;

    @BeforeEach
    void catalog() {
        loadSampleCatalog();
        // S1's product: a termed service at 40.00 a month (409 when an earlier test created it)
        api.post("admin", "/api/catalog/products", """
                {"code": "PUBLIC-TV", "description": "TV for public places", "productTypeCode": "TV-PACKAGE",
                 "brand": "AluxSat", "family": "Packages", "categories": ["TV"], "taxRatePercent": 19,
                 "providerProductIds": {"NAGRA": "NML-PUB"}}""");
        api.post("admin", "/api/catalog/price-plans/STANDARD/rates", """
                {"productCode": "PUBLIC-TV", "classification": "TERMED_SERVICE", "effectiveFrom": "2015-01-01",
                 "rate": {"model": "FLAT", "basis": "QUANTITY", "baseAmount": {"amount": 40.00, "currency": "EUR"},
                          "levels": []}}""");
        type = "BT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        var created = api.post("admin", "/api/catalog/subscription-types", """
                {"code": "%s", "name": "Billing test", "allowedBillingTermSchemes": ["RESIDENTIAL", "CORPORATE"],
                 "allowedProviders": ["NAGRA"], "allowedProducts": [%s]}""".formatted(type,
                PRODUCTS.stream().map(code -> "\"" + code + "\"").collect(Collectors.joining(","))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    // ---- the thirteen-month walk ---------------------------------------------------------------------------------

    @Test
    void monthlyAndAnnualSubscriptionsAreBilledEveryPeriodOfThirteenMonths() {
        String monthlyAccount = api.openAccount("Monthly", "Walker", "5000.00");
        String monthly = subscribe(monthlyAccount, "RESIDENTIAL", "MONTHLY", "2026-01-01", null,
                service("GOLD", "STB-1"), service("EUROSPORT-1", "STB-1", "STB-2", "STB-3", "STB-4"),
                service("PPV-SERVICE", "STB-1", "STB-2", "STB-3", "STB-4"));
        String annualAccount = api.openAccount("Annual", "Walker", "5000.00");
        String annual = subscribe(annualAccount, "RESIDENTIAL", "ANNUAL", "2026-01-01", null,
                service("PLATINUM", "STB-1"));

        LocalDate first = LocalDate.of(2026, 1, 1);
        for (int month = 0; month < 13; month++) {
            JsonNode run = runBills(first.plusMonths(month));
            assertThat(run.get("billed").asLong()).as("billed in month " + month).isEqualTo(month % 12 == 0 ? 2 : 1);
            assertThat(run.get("failed").asLong()).isZero();
        }

        List<JsonNode> monthlyBills = bills(monthlyAccount, 13);
        BigDecimal goldFirstYear = BigDecimal.ZERO;
        for (int month = 0; month < 13; month++) {
            JsonNode bill = monthlyBills.get(month);
            String from = first.plusMonths(month).toString();
            String to = first.plusMonths(month + 1L).toString();
            assertThat(bill.get("periodFrom").asText()).isEqualTo(from);
            assertThat(bill.get("periodTo").asText()).isEqualTo(to);
            Map<String, JsonNode> lines = linesByProduct(bill);
            assertThat(lines.keySet()).containsExactlyInAnyOrder("GOLD", "EUROSPORT-1", "PPV-SERVICE");
            lines.values().forEach(line -> {
                assertThat(line.get("from").asText()).isEqualTo(from);
                assertThat(line.get("to").asText()).isEqualTo(to);
            });
            // P6: Gold is free for its first three months, then 20.00
            BigDecimal gold = amount(lines.get("GOLD"));
            assertThat(gold).isEqualByComparingTo(month < 3 ? "0.00" : "20.00");
            if (month < 12) {
                goldFirstYear = goldFirstYear.add(gold);
            }
            assertThat(amount(lines.get("EUROSPORT-1"))).isEqualByComparingTo("8.00"); // P7: 4 x 2
            assertThat(amount(lines.get("PPV-SERVICE"))).isEqualByComparingTo("14.00"); // P8: 5 + 4 + 3 + 2
            assertThat(Amounts.of(bill.get("total"))).isEqualByComparingTo(gold.add(new BigDecimal("22")));
        }
        assertThat(goldFirstYear).isEqualByComparingTo("180.00");

        List<JsonNode> annualBills = bills(annualAccount, 2);
        assertThat(annualBills).extracting(bill -> bill.get("periodFrom").asText() + ".." + bill.get("periodTo").asText())
                .containsExactly("2026-01-01..2027-01-01", "2027-01-01..2028-01-01");
        assertThat(annualBills).allSatisfy(bill -> assertThat(amount(linesByProduct(bill).get("PLATINUM")))
                .isEqualByComparingTo("30.00"));

        // balances: the start-up fee and every bill, each posted once
        awaitBalance(monthlyAccount, new BigDecimal("5.00").add(goldFirstYear).add(new BigDecimal("20.00"))
                .add(new BigDecimal("22.00").multiply(BigDecimal.valueOf(13))));
        awaitBalance(annualAccount, new BigDecimal("65.00"));
        assertThat(billedEvents(monthly)).isEqualTo(13);
        assertThat(billedEvents(annual)).isEqualTo(2);
    }

    @Test
    void aSecondRunForTheSameDateBillsNothing() {
        String account = api.openAccount("Twice", "Run", "5000.00");
        String subscription = subscribe(account, "RESIDENTIAL", "MONTHLY", "2026-01-01", null,
                service("PLATINUM", "STB-1"));
        assertThat(runBills(LocalDate.of(2026, 1, 1)).get("billed").asLong()).isEqualTo(1);
        // the start-up fee and the bill posted: nothing else is on its way to either stream
        awaitBalance(account, new BigDecimal("35.00"));
        long accountEvents = eventCount(account);
        long subscriptionEvents = eventCount(subscription);

        JsonNode again = runBills(LocalDate.of(2026, 1, 1));

        assertThat(again.get("billed").asLong()).isZero();
        assertThat(billedEvents(subscription)).isEqualTo(1);
        assertThat(bills(account, 1)).hasSize(1);
        // only the run's own events were recorded (started, candidates, completed)
        assertThat(eventCount(again.get("runId").asText())).isEqualTo(3);
        assertThat(eventCount(account)).isEqualTo(accountEvents);
        assertThat(eventCount(subscription)).isEqualTo(subscriptionEvents);
        awaitBalance(account, new BigDecimal("35.00"));
    }

    // ---- proration and preview -----------------------------------------------------------------------------------

    @Test
    void servicesAddedAndRemovedMidPeriodAreProratedAndThePreviewIsTheBillThenIssued() {
        String account = api.openAccount("Mid", "Period", "5000.00");
        String subscription = subscribe(account, "RESIDENTIAL", "MONTHLY", "2026-01-01", null,
                service("PLATINUM", "STB-1"));
        runBills(LocalDate.of(2026, 1, 1));
        assertThat(api.post("agent", "/api/subscriptions/" + subscription + "/services", """
                {"productCode":"BOUQUET","components":["EUROSPORT-1"],"distributorIds":["STB-1"],
                 "actionDate":"2026-01-17"}""").status()).isEqualTo(200);

        long events = eventCount(subscription);
        var previewed = api.post("agent", "/api/subscriptions/" + subscription + "/bill-preview",
                "{\"billingDate\":\"2026-02-01\"}");
        assertThat(previewed.status()).as(previewed.toString()).isEqualTo(200);
        JsonNode february = previewed.json().get("nextBill");
        assertThat(recordedBy(previewed)).as("a preview records nothing").isZero();
        assertThat(eventCount(subscription)).isEqualTo(events);
        // the bouquet's first, partial period: 12.00 x 15/31 days
        JsonNode partial = lines(february).stream().filter(line -> line.get("productCode").asText().equals("BOUQUET")
                && line.get("from").asText().equals("2026-01-17")).findFirst().orElseThrow();
        assertThat(partial.get("to").asText()).isEqualTo("2026-02-01");
        assertThat(amount(partial)).isEqualByComparingTo("5.81");
        assertThat(partial.get("explanation").get("daysCharged").asLong()).isEqualTo(15);
        assertThat(partial.get("explanation").get("daysInPeriod").asLong()).isEqualTo(31);
        assertThat(new BigDecimal(february.get("total").get("amount").asText())).isEqualByComparingTo("47.81");

        runBills(LocalDate.of(2026, 2, 1));
        assertSameBill(february, bills(account, 2).get(1));

        // removing the bouquet on 15 February, billed in advance to 1 March: 14 of 28 days are credited
        JsonNode proposed = preview(subscription, """
                {"billingDate":"2026-03-01",
                 "change":{"type":"REMOVE","productCode":"BOUQUET","actionDate":"2026-02-15"}}""");
        JsonNode march = proposed.get("billAfterChange");
        JsonNode credit = lines(march).stream().filter(line -> line.get("kind").asText().equals("CREDIT"))
                .findFirst().orElseThrow();
        assertThat(credit.get("productCode").asText()).isEqualTo("BOUQUET");
        assertThat(credit.get("from").asText() + ".." + credit.get("to").asText()).isEqualTo("2026-02-15..2026-03-01");
        assertThat(amount(credit)).isEqualByComparingTo("-6.00");
        assertThat(new BigDecimal(march.get("total").get("amount").asText())).isEqualByComparingTo("24.00");
        assertThat(new BigDecimal(proposed.get("nextBill").get("total").get("amount").asText()))
                .isEqualByComparingTo("42.00");

        assertThat(api.post("agent", "/api/subscriptions/" + subscription + "/services/BOUQUET/remove",
                "{\"actionDate\":\"2026-02-15\"}").status()).isEqualTo(200);
        runBills(LocalDate.of(2026, 3, 1));
        assertSameBill(march, bills(account, 3).get(2));
        awaitBalance(account, new BigDecimal("5.00").add(new BigDecimal("30.00")).add(new BigDecimal("47.81"))
                .add(new BigDecimal("24.00")));
    }

    // ---- rating through bills ------------------------------------------------------------------------------------

    @Test
    void s1PublicUseIsBilledAtTheAgreedShareOfConcurrentUses() {
        String account = api.openAccount("Public", "Bar", "5000.00");
        subscribe(account, "RESIDENTIAL", "MONTHLY", "2026-01-01",
                "{\"concurrentUses\":5,\"ratePercent\":30}", service("PUBLIC-TV", "STB-1"));

        runBills(LocalDate.of(2026, 1, 1));

        JsonNode line = linesByProduct(bills(account, 1).get(0)).get("PUBLIC-TV");
        assertThat(amount(line)).isEqualByComparingTo("60.00"); // 40 x 5 x 30 / 100
        assertThat(line.get("explanation").get("concurrentUsage").get("concurrentUses").asInt()).isEqualTo(5);
    }

    @Test
    void oneOffChargesAreRatedOnTheNextBillP2ToP5() {
        String account = api.openAccount("One", "Off", "5000.00");
        String subscription = subscribe(account, "RESIDENTIAL", "MONTHLY", "2026-01-01", null,
                service("PLATINUM", "STB-1"));
        runBills(LocalDate.of(2026, 1, 1));
        oneOff(subscription, "REPAIRS", 5);       // P2: flat by duration, 5 hours at 15.00
        oneOff(subscription, "INSTALLATION", 5);  // P3: tiered by duration, 20 + 4 x 15
        oneOff(subscription, "ANTENNA", 3);       // P4: flat by quantity, 3 at 8.00
        oneOff(subscription, "DECODER", 3);       // P5: tiered by quantity, 10 + 9 + 8

        runBills(LocalDate.of(2026, 2, 1));

        Map<String, JsonNode> lines = linesByProduct(bills(account, 2).get(1));
        assertThat(amount(lines.get("REPAIRS"))).isEqualByComparingTo("75.00");
        assertThat(amount(lines.get("INSTALLATION"))).isEqualByComparingTo("80.00");
        assertThat(amount(lines.get("ANTENNA"))).isEqualByComparingTo("24.00");
        assertThat(amount(lines.get("DECODER"))).isEqualByComparingTo("27.00");
        assertThat(lines.get("DECODER").get("kind").asText()).isEqualTo("ONE_OFF");
    }

    @Test
    void usageIsBilledAtItsTimeOfDayRateU1AndU2() {
        String account = api.openAccount("Movie", "Night", "5000.00");
        String subscription = subscribe(account, "RESIDENTIAL", "MONTHLY", "2026-01-01", null,
                service("PPV-MOVIES", "STB-1"));
        runBills(LocalDate.of(2026, 1, 1));
        usage(subscription, "BRAVEHEART", "2026-01-20T21:30:00");   // U1: 3.00
        usage(subscription, "SERENDIPITY", "2026-01-21T02:15:00");  // U2: 2.00
        Await.until("two unbilled records", () -> api.get("reporter", "/api/subscriptions/" + subscription
                + "/unbilled-usage"),
                response -> response.status() == 200 && response.json().path("records").size() == 2);

        runBills(LocalDate.of(2026, 2, 1));

        List<JsonNode> usage = lines(bills(account, 2).get(1)).stream()
                .filter(line -> line.get("kind").asText().equals("USAGE")).toList();
        assertThat(usage).extracting(line -> line.get("productCode").asText() + " " + amount(line).setScale(2).toPlainString())
                .containsExactlyInAnyOrder("BRAVEHEART 3.00", "SERENDIPITY 2.00");
        Await.until("no unbilled usage left", () -> api.get("reporter", "/api/subscriptions/" + subscription
                + "/unbilled-usage"),
                response -> response.status() == 200 && response.json().path("records").size() == 0);
    }

    @Test
    void usageIsBilledAtOnceOnAPrepaidSubscriptionAndWhenTheRecordThresholdIsReached() {
        String prepaidAccount = api.openAccount("Pre", "Paid", "5000.00");
        var prepaid = api.post("agent", "/api/subscriptions", """
                {"accountId":"%s","subscriptionTypeCode":"GOLD-PREPAID",
                 "billingTerms":{"scheme":"PREPAID","billingFrequency":"MONTHLY"},
                 "initialState":"EFFECTIVE","actionDate":"2026-01-01",
                 "distributors":[{"distributorId":"STB-1","providerCode":"NAGRA"}],
                 "services":[{"productCode":"PPV-MOVIES","distributorIds":["STB-1"]}]}""".formatted(prepaidAccount));
        assertThat(prepaid.status()).as(prepaid.toString()).isEqualTo(201);
        usage(prepaid.json().get("subscriptionId").asText(), "BRAVEHEART", "2026-01-05T21:30:00");

        JsonNode usageBill = Await.until("a usage bill", () -> BillLists.withoutEventChargeBills(
                api.get("reporter", "/api/accounts/" + prepaidAccount
                + "/bills").json()).path("content"), content -> content.size() == 1).get(0);
        assertThat(usageBill.get("kind").asText()).isEqualTo("USAGE");
        assertThat(Amounts.of(usageBill.get("total"))).isEqualByComparingTo("3.00");

        // RESIDENTIAL bills usage early once 20 records are unbilled
        String account = api.openAccount("Binge", "Watcher", "5000.00");
        String subscription = subscribe(account, "RESIDENTIAL", "MONTHLY", "2026-01-01", null,
                service("PPV-MOVIES", "STB-1"));
        StringBuilder records = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            records.append(i == 0 ? "" : ",").append("""
                    {"subscriptionId":"%s","recordId":"%s","productCode":"LIMITLESS","usedAt":"2026-01-10T20:00:00"}"""
                    .formatted(subscription, UUID.randomUUID()));
        }
        assertThat(api.post("billing", "/api/usage/batches", "{\"records\":[" + records + "]}").status())
                .isEqualTo(200);
        JsonNode thresholdBill = Await.until("a usage bill of 20 records", () -> BillLists.withoutEventChargeBills(
                api.get("reporter", "/api/accounts/"
                + account + "/bills").json()).path("content"), content -> content.size() == 1).get(0);
        assertThat(thresholdBill.get("lineCount").asInt()).isEqualTo(20);
        assertThat(Amounts.of(thresholdBill.get("total"))).isEqualByComparingTo("60.00");
    }

    @Test
    void usageMakesTheSubscriptionDueByItsEarliestDateInTheCommandsTransaction() {
        String account = api.openAccount("Early", "Viewer", "5000.00");
        String subscription = subscribe(account, "RESIDENTIAL", "MONTHLY", "2026-01-01", null,
                service("PPV-MOVIES", "STB-1"));
        runBills(LocalDate.of(2026, 1, 1));
        assertThat(due(subscription)).isEqualTo("2026-02-01");

        // a mediation batch, then single records: the earliest date wins, a later one changes nothing
        assertThat(api.post("billing", "/api/usage/batches", """
                {"records":[{"subscriptionId":"%s","recordId":"%s","productCode":"BRAVEHEART",
                "usedAt":"2026-01-25T21:30:00"}]}""".formatted(subscription, UUID.randomUUID())).status())
                .isEqualTo(200);
        assertThat(due(subscription)).isEqualTo("2026-01-25");
        usage(subscription, "BRAVEHEART", "2026-01-10T21:30:00");
        assertThat(due(subscription)).isEqualTo("2026-01-10");
        usage(subscription, "SERENDIPITY", "2026-01-30T02:15:00");
        assertThat(due(subscription)).isEqualTo("2026-01-10");
    }

    private String due(String subscription) {
        return jdbc.queryForObject("select next_billing_date::text from billing_index where subscription_id = ?",
                String.class, subscription);
    }

    @Test
    void subscriptionsRecordedBeforeTheBillingEngineAreIndexedByTheBackfillMigration() throws Exception {
        String account = api.openAccount("Before", "Billing", "5000.00");
        String subscription = subscribe(account, "RESIDENTIAL", "MONTHLY", "2026-03-05", null,
                service("PLATINUM", "STB-1"));
        jdbc.update("delete from billing_index where subscription_id = ?", subscription);

        try (var sql = getClass().getResourceAsStream("/db/migration/V3_110__billing_index_backfill.sql")) {
            jdbc.execute(new String(sql.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }

        assertThat(jdbc.queryForMap("""
                select account_id, subscription_type_code, billing_frequency, next_billing_date::text as due
                from billing_index where subscription_id = ?""", subscription))
                .containsEntry("account_id", account).containsEntry("subscription_type_code", type)
                .containsEntry("billing_frequency", "MONTHLY").containsEntry("due", "2026-03-05");
        assertThat(runBills(LocalDate.of(2026, 3, 5)).get("billed").asLong()).isEqualTo(1);
    }

    @Test
    void aRunForOneBillingFrequencyBillsOnlyThatFrequency() {
        String monthlyAccount = api.openAccount("Only", "Monthly", "5000.00");
        String annualAccount = api.openAccount("Only", "Annual", "5000.00");
        subscribe(monthlyAccount, "RESIDENTIAL", "MONTHLY", "2026-01-01", null, service("PLATINUM", "STB-1"));
        String annual = subscribe(annualAccount, "RESIDENTIAL", "ANNUAL", "2026-01-01", null,
                service("PLATINUM", "STB-1"));

        var started = api.post("billing", "/api/bill-runs", """
                {"billingDate":"2026-01-01","billingFrequency":"MONTHLY","subscriptionTypeCode":"%s"}"""
                .formatted(type));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        JsonNode run = Await.until("the monthly run", () -> api.get("reporter", "/api/bill-runs/"
                + started.json().get("runId").asText()).json(), json -> "COMPLETED".equals(json.path("status").asText()));

        assertThat(run.get("billingFrequency").asText()).isEqualTo("MONTHLY");
        assertThat(run.get("subscriptionsTotal").asLong()).isEqualTo(1);
        assertThat(run.get("billed").asLong()).isEqualTo(1);
        assertThat(bills(monthlyAccount, 1)).hasSize(1);
        assertThat(billedEvents(annual)).isZero();
    }

    @Test
    void badBillingRequestsAreRefusedAsProblemsAndRecordNothing() {
        String account = api.openAccount("Bad", "Requests", "5000.00");
        String subscription = subscribe(account, "RESIDENTIAL", "MONTHLY", "2026-01-01", null,
                service("PLATINUM", "STB-1"));
        awaitBalance(account, new BigDecimal("5.00")); // the start-up fee is charged asynchronously
        long before = eventCount(subscription);

        var refusals = List.of(
                AccountsIT.assertProblem(api.post("billing", "/api/bill-runs", "{}"), 400, "VALIDATION_FAILED",
                        "billingDate"),
                AccountsIT.assertProblem(api.post("billing", "/api/bill-runs", "{\"billingDate\":\"not a date\"}"),
                        400, "VALIDATION_FAILED", null),
                api.post("agent", "/api/bill-runs", "{\"billingDate\":\"2026-01-01\"}"),
                AccountsIT.assertProblem(api.post("agent", "/api/subscriptions/" + UUID.randomUUID()
                        + "/bill-preview", "{}"), 404, "SUBSCRIPTION_NOT_FOUND", null),
                AccountsIT.assertProblem(api.post("agent", "/api/subscriptions/" + subscription + "/bill-preview",
                        "{\"change\":{\"type\":\"SWAP\",\"productCode\":\"PLATINUM\"}}"), 400,
                        "VALIDATION_FAILED", "change.newProductCode"));
        assertThat(refusals.get(2).status()).isEqualTo(403);
        AccountsIT.assertProblem(api.get("reporter", "/api/bill-runs/" + UUID.randomUUID()), 404,
                "BILL_RUN_NOT_FOUND", null);
        AccountsIT.assertProblem(api.get("reporter", "/api/bills/" + UUID.randomUUID()), 404, "BILL_NOT_FOUND", null);

        assertThat(recordedBy(refusals.toArray(Api.Response[]::new))).isZero();
        assertThat(eventCount(subscription)).isEqualTo(before);
    }

    @Test
    void aRepeatedBillRunRequestWithTheSameIdempotencyKeyStartsOneRun() {
        String key = UUID.randomUUID().toString();
        String body = "{\"billingDate\":\"2026-01-01\",\"subscriptionTypeCode\":\"" + type + "\"}";
        var first = api.post("billing", "/api/bill-runs", body, Map.of("Idempotency-Key", key));
        var again = api.post("billing", "/api/bill-runs", body, Map.of("Idempotency-Key", key));

        assertThat(first.status()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().get("runId").asText()).isEqualTo(first.json().get("runId").asText());
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    static String service(String productCode, String... distributors) {
        return """
                {"productCode":"%s","distributorIds":[%s]}""".formatted(productCode,
                java.util.Arrays.stream(distributors).map(d -> "\"" + d + "\"").collect(Collectors.joining(",")));
    }

    String subscribe(String accountId, String scheme, String frequency, String on, String concurrentUsage,
                     String... services) {
        List<String> distributorIds = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            distributorIds.add("{\"distributorId\":\"STB-" + i + "\",\"providerCode\":\"NAGRA\"}");
        }
        var created = api.post("agent", "/api/subscriptions", """
                {"accountId":"%s","subscriptionTypeCode":"%s",
                 "billingTerms":{"scheme":"%s","billingFrequency":"%s"%s},
                 "initialState":"EFFECTIVE","actionDate":"%s",
                 "distributors":[%s],
                 "services":[%s]}""".formatted(accountId, type, scheme, frequency,
                concurrentUsage == null ? "" : ",\"concurrentUsage\":" + concurrentUsage, on,
                String.join(",", distributorIds), String.join(",", services)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("subscriptionId").asText();
    }

    JsonNode runBills(LocalDate billingDate) {
        return BillRuns.runToCompletion(api, """
                {"billingDate":"%s","subscriptionTypeCode":"%s"}""".formatted(billingDate, type));
    }

    /** The account's bills, oldest first, once {@code count} are projected, each with its lines. */
    List<JsonNode> bills(String accountId, int count) {
        JsonNode page = Await.until(count + " bills of " + accountId, () -> BillLists.withoutEventChargeBills(
                api.get("reporter", "/api/accounts/"
                + accountId + "/bills?size=50").json()), json -> json.path("content").size() == count);
        List<JsonNode> bills = new ArrayList<>();
        page.get("content").forEach(summary -> bills.add(0, api.get("reporter", "/api/bills/"
                + summary.get("billId").asText()).json()));
        bills.sort(java.util.Comparator.comparing((JsonNode bill) -> bill.get("billNumber").asText()));
        return bills;
    }

    static List<JsonNode> lines(JsonNode bill) {
        List<JsonNode> lines = new ArrayList<>();
        bill.get("lines").forEach(lines::add);
        return lines;
    }

    static Map<String, JsonNode> linesByProduct(JsonNode bill) {
        return lines(bill).stream().collect(Collectors.toMap(line -> line.get("productCode").asText(), line -> line,
                (a, b) -> a));
    }

    /** A line's amount, from a bill (a number) or a preview (money: amount and currency). */
    static BigDecimal amount(JsonNode line) {
        JsonNode amount = line.get("amount");
        return new BigDecimal(amount.isObject() ? amount.get("amount").asText() : amount.asText());
    }

    /** The previewed draft and the issued bill have the same period, lines and total. */
    static void assertSameBill(JsonNode preview, JsonNode bill) {
        assertThat(bill.get("periodFrom").asText()).isEqualTo(preview.get("periodFrom").asText());
        assertThat(bill.get("periodTo").asText()).isEqualTo(preview.get("periodTo").asText());
        assertThat(Amounts.of(bill.get("total")))
                .isEqualByComparingTo(new BigDecimal(preview.get("total").get("amount").asText()));
        assertThat(lines(bill)).extracting(BillingIT::lineKey)
                .containsExactlyElementsOf(lines(preview).stream().map(BillingIT::lineKey).toList());
    }

    static String lineKey(JsonNode line) {
        return line.get("lineNo").asInt() + " " + line.get("kind").asText() + " " + line.get("productCode").asText()
                + " " + line.get("from").asText() + ".." + line.get("to").asText() + " "
                + amount(line).setScale(2).toPlainString();
    }

    JsonNode preview(String subscriptionId, String body) {
        var response = api.post("agent", "/api/subscriptions/" + subscriptionId + "/bill-preview", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    void oneOff(String subscriptionId, String productCode, long units) {
        var response = api.post("agent", "/api/subscriptions/" + subscriptionId + "/one-off-charges", """
                {"chargeId":"%s","productCode":"%s","units":%d,"chargedOn":"2026-01-10"}"""
                .formatted(UUID.randomUUID(), productCode, units));
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
    }

    void usage(String subscriptionId, String productCode, String usedAt) {
        var response = api.post("billing", "/api/subscriptions/" + subscriptionId + "/usage", """
                {"recordId":"%s","productCode":"%s","usedAt":"%s"}""".formatted(UUID.randomUUID(), productCode,
                usedAt));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    void awaitBalance(String accountId, BigDecimal expected) {
        Await.until("balance " + expected + " of " + accountId, () -> api.get("reporter", "/api/accounts/" + accountId),
                response -> response.status() == 200 && Amounts.of(response.json().get("balance"))
                        .compareTo(expected) == 0);
    }

    long billedEvents(String subscriptionId) {
        return jdbc.queryForObject("""
                select count(*) from domain_event_entry
                where aggregate_identifier = ? and payload_type like '%SubscriptionBilled'""", Long.class,
                subscriptionId);
    }
}
