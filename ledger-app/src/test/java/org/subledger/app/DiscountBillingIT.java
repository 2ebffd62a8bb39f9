package org.subledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.app.AccountsIT.assertProblem;
import static org.subledger.app.BillingIT.amount;
import static org.subledger.app.BillingIT.assertSameBill;
import static org.subledger.app.BillingIT.lines;
import static org.subledger.app.BillingIT.service;

/**
 * Additive discounts on bills end to end, through the API on the real ledger: D1 (two free months of a year, once),
 * D3 (a free month of a Platinum year bought in advance), D6 (loyalty levels), B1 (a Gold year bought in advance, three
 * months free: one bill of 180.00, the next regular bill after it), B2 and B3 (refused requests), an expired
 * definition, three applications a year across the year boundary, the preview equal to the bill, and a re-run that
 * records no second application.
 *
 * <p>D1 and B1 need the sample's subscription types (PLATINUM, GOLD: their criteria and the buy-in-advance definition
 * name them), so their bill runs are filtered by those types on dates no other test bills (2019, 2021-2022); the other
 * tests work on a subscription type of their own.
 */
class DiscountBillingIT extends LedgerIT {

    private static final List<String> PRODUCTS = List.of("GOLD", "PLATINUM", "EUROSPORT-1", "BOUQUET", "PPV-MOVIES");

    String type;

    @BeforeEach
    void catalog() {
        loadSampleCatalog();
        type = "DT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        var created = api.post("admin", "/api/catalog/subscription-types", """
                {"code": "%s", "name": "Discount test", "allowedBillingTermSchemes": ["RESIDENTIAL", "CORPORATE"],
                 "allowedProviders": ["NAGRA"], "allowedProducts": [%s]}""".formatted(type,
                PRODUCTS.stream().map(code -> "\"" + code + "\"").collect(Collectors.joining(","))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    @Test
    void d1TwoMonthsOfAPlatinumYearAreFreeOnTheFirstYearOnly() {
        String account = api.openAccount("Platinum", "Year", "5000.00");
        String subscription = subscribe(account, "PLATINUM", "ANNUAL", "2021-01-01", service("PLATINUM", "STB-1"));

        runBills("PLATINUM", LocalDate.of(2021, 1, 1));
        runBills("PLATINUM", LocalDate.of(2022, 1, 1));

        List<JsonNode> bills = bills(account, 2);
        // the sample rates Platinum 30.00 a billing period: two months of a year are 30.00 x 2 / 12
        JsonNode discount = discountLine(bills.get(0));
        assertThat(discount.get("productCode").asText()).isEqualTo("D1-TWO-MONTHS-FREE");
        assertThat(discount.get("reference").asText()).isEqualTo("auto:D1-TWO-MONTHS-FREE");
        assertThat(amount(discount)).isEqualByComparingTo("-5.00");
        assertThat(discount.get("from").asText() + ".." + discount.get("to").asText())
                .isEqualTo("2021-01-01..2021-03-01");
        assertThat(texts(discount.at("/explanation/discounts"))).containsExactly("definition D1-TWO-MONTHS-FREE",
                "value 2 months free", "lines 1 PLATINUM",
                "criteria billing frequency is one of [ANNUAL]; subscription type is one of [PLATINUM]",
                "application 1 of 1");
        assertThat(total(bills.get(0))).isEqualByComparingTo("25.00");
        assertThat(total(bills.get(1))).isEqualByComparingTo("30.00"); // once: the second year is charged in full
        assertThat(discountsApplied(subscription)).isEqualTo(1);
    }

    @Test
    void d6LevelTwoIsTakenOnWhatLevelOneLeftAndThePreviewIsTheBill() {
        String account = openAccount("Loyal", "LOYAL");
        String subscription = subscribe(account, type, "MONTHLY", "2026-01-01", service("PLATINUM", "STB-1"));
        JsonNode preview = api.post("agent", "/api/subscriptions/" + subscription + "/bill-preview",
                "{\"billingDate\":\"2026-01-01\"}").json().get("nextBill");

        runBills(type, LocalDate.of(2026, 1, 1));

        JsonNode bill = bills(account, 1).get(0);
        assertSameBill(preview, bill);
        // 30.00, less 10 % (3.00), less 20 % of the 27.00 left (5.40): 72 % of the charge, as 100.00 gives 72.00
        assertThat(lines(bill)).extracting(line -> line.get("kind").asText() + " " + line.get("productCode").asText()
                + " " + amount(line).setScale(2).toPlainString()).containsExactly("RECURRING PLATINUM 30.00",
                "DISCOUNT D6-LOYALTY-LEVEL-1 -3.00", "DISCOUNT D6-LOYALTY-LEVEL-2 -5.40");
        assertThat(total(bill)).isEqualByComparingTo("21.60");
        assertThat(discountsApplied(subscription)).isEqualTo(2);

        // exactly once: the same run again bills nothing and records no second application
        JsonNode again = runBills(type, LocalDate.of(2026, 1, 1));
        assertThat(again.get("billed").asLong()).isZero();
        assertThat(discountsApplied(subscription)).isEqualTo(2);
    }

    @Test
    void anExpiredDefinitionIsNotAppliedAndThreeAYearAreCountedAcrossTheYearBoundary() {
        createAutoApply("EXPIRED", """
                "discount": {"kind": "PERCENTAGE", "percentage": 50, "level": 1},
                "validity": {"from": "2015-01-01", "to": "2016-01-01"}""");
        createAutoApply("THREE-A-YEAR", """
                "discount": {"kind": "PERCENTAGE", "percentage": 10, "level": 1},
                "applicationLimit": {"times": 3, "per": "YEARS"}""");
        String account = api.openAccount("Three", "AYear", "5000.00");
        String subscription = subscribe(account, type, "MONTHLY", "2026-10-01", service("PLATINUM", "STB-1"));

        LocalDate october = LocalDate.of(2026, 10, 1);
        for (int month = 0; month < 7; month++) {
            runBills(type, october.plusMonths(month));
        }

        List<JsonNode> bills = bills(account, 7);
        assertThat(bills).extracting(bill -> total(bill).setScale(2).toPlainString())
                .containsExactly("27.00", "27.00", "27.00", "27.00", "27.00", "27.00", "30.00");
        assertThat(bills).allSatisfy(bill -> assertThat(lines(bill)).noneMatch(line -> line.get("productCode")
                .asText().startsWith("EXPIRED")));
        assertThat(texts(discountLine(bills.get(3)).at("/explanation/discounts")))
                .contains("application 4 of 3 per year");
        assertThat(discountsApplied(subscription)).isEqualTo(6);

        // the discount state and the applied discounts report read the bills' DISCOUNT lines: six applications
        String code = "THREE-A-YEAR-" + type;
        JsonNode state = Await.until("the six applications in the discount state", () -> api.get("agent",
                "/api/subscriptions/" + subscription + "/discounts"), response -> response.status() == 200
                && response.json().size() == 1 && response.json().get(0).get("applications").size() == 6).json();
        JsonNode discount = state.get(0);
        assertThat(discount.get("discountId").asText()).isEqualTo("auto:" + code);
        assertThat(discount.get("type").asText()).isEqualTo("AUTO_APPLY");
        assertThat(discount.get("applicationsUsed").asInt()).isEqualTo(6);
        assertThat(Amounts.of(discount.get("amountGiven"))).isEqualByComparingTo("18.00");
        List<String> applications = new ArrayList<>();
        discount.get("applications").forEach(application -> applications.add(application.get("periodStart").asText()
                + " " + application.get("applicationNumber").asInt() + " "
                + Amounts.of(application.get("amount")).setScale(2).toPlainString()));
        assertThat(applications).containsExactly("2026-10-01 1 3.00", "2026-11-01 2 3.00", "2026-12-01 3 3.00",
                "2027-01-01 4 3.00", "2027-02-01 5 3.00", "2027-03-01 6 3.00");
        JsonNode report = api.get("reporter", "/api/reports/applied-discounts?from=2026-10-01&to=2027-12-31"
                + "&definition=" + code).json();
        List<String> months = new ArrayList<>();
        report.get("lines").forEach(line -> months.add(line.get("period").asText() + " "
                + line.get("subscriptions").asLong() + " " + line.get("applications").asLong() + " "
                + Amounts.of(line.get("amount")).setScale(2).toPlainString()));
        assertThat(months).containsExactly("2026-10 1 1 3.00", "2026-11 1 1 3.00", "2026-12 1 1 3.00",
                "2027-01 1 1 3.00", "2027-02 1 1 3.00", "2027-03 1 1 3.00");
    }

    @Test
    void twoPercentagesOfOneLevelTakeFromTheSameBase() {
        createAutoApply("TEN", """
                "discount": {"kind": "PERCENTAGE", "percentage": 10, "level": 1}""");
        createAutoApply("TWENTY", """
                "discount": {"kind": "PERCENTAGE", "percentage": 20, "level": 1}""");
        String account = api.openAccount("Same", "Level", "5000.00");
        subscribe(account, type, "MONTHLY", "2026-01-01", service("PLATINUM", "STB-1"));

        runBills(type, LocalDate.of(2026, 1, 1));

        // both on the 30.00 charged, not the second on what the first left (that is the next level's way)
        assertThat(lines(bills(account, 1).get(0))).extracting(line -> line.get("productCode").asText() + " "
                + amount(line).setScale(2).toPlainString()).containsExactly("PLATINUM 30.00",
                "TEN-" + type + " -3.00", "TWENTY-" + type + " -6.00");
    }

    @Test
    void anAdHocDiscountAddedMidPeriodReachesTheFirstBillAfterItsApprovalAndNotBefore() {
        String account = api.openAccount("Mid", "Period", "5000.00");
        String subscription = subscribe(account, type, "MONTHLY", "2026-01-01", service("PLATINUM", "STB-1"));
        runBills(type, LocalDate.of(2026, 1, 1));
        String path = "/api/subscriptions/" + subscription + "/discounts";
        var added = api.post("agent", path, """
                {"definitionCode":"GOODWILL-CREDIT","amount":{"amount":7.50,"currency":"EUR"},
                 "actionDate":"2026-01-15","note":"missed visit"}""");
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        String discountId = added.json().get("discountId").asText();

        runBills(type, LocalDate.of(2026, 2, 1)); // pending approval: not on the bill
        var approved = api.post("caremanager", path + "/" + discountId + "/approve",
                "{\"actionDate\":\"2026-02-10\"}");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        runBills(type, LocalDate.of(2026, 3, 1));

        List<JsonNode> bills = bills(account, 3);
        assertThat(bills).extracting(bill -> total(bill).setScale(2).toPlainString())
                .containsExactly("30.00", "30.00", "22.50");
        JsonNode discount = discountLine(bills.get(2));
        assertThat(discount.get("reference").asText()).isEqualTo(discountId);
        assertThat(texts(discount.at("/explanation/discounts"))).contains("application 1 of 3 per year");
        assertThat(discountsApplied(subscription)).isEqualTo(1);
    }

    @Test
    void aComponentOfAFlexibleBundleIsDiscountedOnItsShareOfTheBundlesLine() {
        String code = "ES1-IN-BOUQUET-" + type;
        createDiscount(code, """
                {"code": "%s", "name": "Half price Eurosport in a bouquet", "type": "AUTO_APPLY",
                 "classification": "SUBSCRIPTIONS", "appliedServiceType": "NON_USAGE", "state": "EFFECTIVE",
                 "discount": {"kind": "PERCENTAGE", "percentage": 50, "level": 1},
                 "discountedProducts": {"productCodes": ["EUROSPORT-1"], "bundleProductCode": "BOUQUET"},
                 "duration": {"start": "AGREEMENT_DATE"},
                 "criteria": {"subscriptionTypes": ["%s"]}}""".formatted(code, type));
        String account = api.openAccount("Bouquet", "Share", "5000.00");
        subscribe(account, type, "MONTHLY", "2026-01-01", """
                {"productCode":"BOUQUET","components":["EUROSPORT-1","PPV-MOVIES"],"distributorIds":["STB-1"]}""");

        runBills(type, LocalDate.of(2026, 1, 1));

        // the bouquet is 12.00; Eurosport's own rate 5.00 of the components' 7.00 (with the movies' 2.00) makes its
        // share 8.57, half of which is 4.29
        JsonNode bill = bills(account, 1).get(0);
        assertThat(lines(bill)).extracting(line -> line.get("productCode").asText() + " "
                + amount(line).setScale(2).toPlainString()).containsExactly("BOUQUET 12.00", code + " -4.29");
        assertThat(total(bill)).isEqualByComparingTo("7.71");
    }

    @Test
    void b1AGoldYearBoughtInAdvanceIsOneBillOf180AndTheNextRegularBillComesAfterIt() {
        String account = api.openAccount("Gold", "Ahead", "5000.00");
        String subscription = subscribe(account, "GOLD", "MONTHLY", "2019-01-01", service("GOLD", "STB-1"));
        // P6: Gold's first three months are free by its maturity rates; from the fourth it is 20.00
        for (int month = 0; month < 3; month++) {
            runBills("GOLD", LocalDate.of(2019, 1 + month, 1));
        }
        bills(account, 3);

        var requested = api.post("agent", "/api/subscriptions/" + subscription + "/buy-in-advance",
                "{\"months\": 12, \"actionDate\": \"2019-03-15\", \"requestId\": \"year-1\"}");
        assertThat(requested.status()).as(requested.toString()).isEqualTo(202);
        var repeated = api.post("agent", "/api/subscriptions/" + subscription + "/buy-in-advance",
                "{\"months\": 12, \"actionDate\": \"2019-03-15\", \"requestId\": \"year-1\"}");
        assertThat(repeated.status()).isEqualTo(202);
        assertThat(recordedBy(repeated)).isZero();

        JsonNode bought = bills(account, 4).get(3);
        assertThat(bought.get("kind").asText()).isEqualTo("BUY_IN_ADVANCE");
        assertThat(bought.get("periodFrom").asText()).isEqualTo("2019-04-01");
        assertThat(bought.get("periodTo").asText()).isEqualTo("2020-04-01");
        assertThat(lines(bought)).filteredOn(line -> line.get("kind").asText().equals("RECURRING")).hasSize(12)
                .allSatisfy(line -> assertThat(amount(line)).isEqualByComparingTo("20.00"));
        JsonNode discount = discountLine(bought);
        assertThat(discount.get("productCode").asText()).isEqualTo("B1-THREE-MONTHS-FREE");
        assertThat(amount(discount)).isEqualByComparingTo("-60.00");
        assertThat(texts(discount.at("/explanation/discounts")))
                .contains("criteria buy-in-advance duration 12-12 months");
        assertThat(total(bought)).isEqualByComparingTo("180.00");

        // the bought year is billed: runs within it bill nothing; the next regular bill is after it
        long billed = billedEvents(subscription);
        runBills("GOLD", LocalDate.of(2019, 6, 1));
        assertThat(billedEvents(subscription)).isEqualTo(billed);
        JsonNode next = api.post("agent", "/api/subscriptions/" + subscription + "/bill-preview", "{}").json();
        assertThat(next.get("billingDate").asText()).isEqualTo("2020-04-01");
        assertThat(discountsApplied(subscription)).isEqualTo(1);
    }

    @Test
    void d3APlatinumYearBoughtInAdvanceHasItsFirstMonthFree() {
        createDiscount("D3-FIRST-MONTH-FREE", """
                {"code": "D3-FIRST-MONTH-FREE", "name": "First month free on a Platinum year in advance",
                 "type": "AUTO_APPLY", "classification": "SUBSCRIPTIONS", "appliedServiceType": "NON_USAGE",
                 "state": "EFFECTIVE",
                 "discount": {"kind": "FREE_PERIOD", "freePeriod": {"count": 1, "unit": "MONTHS"}},
                 "discountedProducts": {"productCodes": ["PLATINUM"]},
                 "duration": {"start": "AGREEMENT_DATE"}, "applicationLimit": {"times": 1},
                 "criteria": {"billingTerm": {"frequencies": ["ANNUAL"]}, "products": ["PLATINUM"],
                              "buyInAdvanceDurations": [{"minMonths": 12, "maxMonths": 12}]}}""");
        String account = api.openAccount("Platinum", "Ahead", "5000.00");
        String subscription = subscribe(account, "GOLD", "ANNUAL", "2019-06-01", service("PLATINUM", "STB-1"));

        var requested = api.post("agent", "/api/subscriptions/" + subscription + "/buy-in-advance",
                "{\"months\": 12, \"actionDate\": \"2019-06-01\"}");
        assertThat(requested.status()).as(requested.toString()).isEqualTo(202);

        JsonNode bought = bills(account, 1).get(0);
        assertThat(bought.get("kind").asText()).isEqualTo("BUY_IN_ADVANCE");
        JsonNode discount = discountLine(bought);
        assertThat(discount.get("productCode").asText()).isEqualTo("D3-FIRST-MONTH-FREE");
        assertThat(amount(discount)).isEqualByComparingTo("-2.50"); // one month of a 30.00 year
        assertThat(discount.get("from").asText() + ".." + discount.get("to").asText())
                .isEqualTo("2019-06-01..2019-07-01");
        assertThat(total(bought)).isEqualByComparingTo("27.50");
        assertThat(discountsApplied(subscription)).isEqualTo(1);
    }

    @Test
    void b2AnotherTypeMayNotBuyInAdvanceAndB3NothingIsBoughtWithoutAnEffectiveDefinition() {
        String account = api.openAccount("Other", "Type", "5000.00");
        String other = subscribe(account, type, "MONTHLY", "2026-01-01", service("PLATINUM", "STB-1"));
        String gold = subscribe(account, "GOLD", "MONTHLY", "2026-01-01", service("PLATINUM", "STB-1"));
        long before = eventCount(other) + eventCount(gold);

        var b2 = assertProblem(api.post("agent", "/api/subscriptions/" + other + "/buy-in-advance",
                "{\"months\": 12}"), 422, "BUY_IN_ADVANCE_DURATION_NOT_ALLOWED", "months");
        var sixMonths = assertProblem(api.post("agent", "/api/subscriptions/" + gold + "/buy-in-advance",
                "{\"months\": 6}"), 422, "BUY_IN_ADVANCE_DURATION_NOT_ALLOWED", "months");
        var none = assertProblem(api.post("agent", "/api/subscriptions/" + gold + "/buy-in-advance", "{}"),
                400, "VALIDATION_FAILED", "months");

        // B3: with the sample's definition withdrawn for a moment, no request is accepted
        String effective = """
                {"code": "GOLD-YEAR-AHEAD", "name": "A Gold year in advance", "state": "%s",
                 "allowedDurations": [{"subscriptionTypeCode": "GOLD", "minMonths": 12, "maxMonths": 12}]}""";
        Api.Response b3;
        assertThat(api.put("admin", "/api/catalog/buy-in-advance-definitions/GOLD-YEAR-AHEAD",
                effective.formatted("DRAFT")).status()).isEqualTo(200);
        try {
            b3 = assertProblem(api.post("agent", "/api/subscriptions/" + gold + "/buy-in-advance",
                    "{\"months\": 12}"), 422, "BUY_IN_ADVANCE_NOT_OFFERED", "months");
        } finally {
            assertThat(api.put("admin", "/api/catalog/buy-in-advance-definitions/GOLD-YEAR-AHEAD",
                    effective.formatted("EFFECTIVE")).status()).isEqualTo(200);
        }

        assertThat(recordedBy(b2, sixMonths, none, b3)).isZero();
        assertThat(eventCount(other) + eventCount(gold)).isEqualTo(before);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** An auto-apply definition on Platinum reaching only this test's subscription type. */
    private void createAutoApply(String prefix, String fields) {
        String code = prefix + "-" + type;
        createDiscount(code, """
                {"code": "%s", "name": "%s", "type": "AUTO_APPLY", "classification": "SUBSCRIPTIONS",
                 "appliedServiceType": "NON_USAGE", "state": "EFFECTIVE",
                 "discountedProducts": {"productCodes": ["PLATINUM"]},
                 "duration": {"start": "AGREEMENT_DATE"},
                 "criteria": {"subscriptionTypes": ["%s"]}, %s}""".formatted(code, prefix, type, fields));
    }

    private void createDiscount(String code, String body) {
        var created = api.post("admin", "/api/catalog/additive-discounts", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    private String openAccount(String lastName, String classification) {
        var response = api.post("agent", "/api/accounts", """
                {"type":"PERSON","firstName":"Discount","lastName":"%s","currency":"EUR","creditLimit":5000.00,
                 "classification":"%s"}""".formatted(lastName, classification));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("accountId").asText();
    }

    private String subscribe(String accountId, String subscriptionType, String frequency, String on,
                             String... services) {
        var created = api.post("agent", "/api/subscriptions", """
                {"accountId":"%s","subscriptionTypeCode":"%s",
                 "billingTerms":{"scheme":"RESIDENTIAL","billingFrequency":"%s"},
                 "initialState":"EFFECTIVE","actionDate":"%s",
                 "distributors":[{"distributorId":"STB-1","providerCode":"NAGRA"}],
                 "services":[%s]}""".formatted(accountId, subscriptionType, frequency, on,
                String.join(",", services)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("subscriptionId").asText();
    }

    private JsonNode runBills(String subscriptionType, LocalDate billingDate) {
        return BillRuns.runWithoutFailures(api, billingDate, subscriptionType);
    }

    /** The account's bills in the order issued, once {@code count} are projected, each with its lines. */
    private List<JsonNode> bills(String accountId, int count) {
        JsonNode page = Await.until(count + " bills of " + accountId, () -> BillLists.withoutEventChargeBills(
                api.get("reporter", "/api/accounts/"
                + accountId + "/bills?size=50").json()), json -> json.path("content").size() == count);
        List<JsonNode> bills = new ArrayList<>();
        page.get("content").forEach(summary -> bills.add(api.get("reporter", "/api/bills/"
                + summary.get("billId").asText()).json()));
        bills.sort(java.util.Comparator.comparing((JsonNode bill) -> bill.get("billNumber").asText()));
        return bills;
    }

    private static JsonNode discountLine(JsonNode bill) {
        return lines(bill).stream().filter(line -> line.get("kind").asText().equals("DISCOUNT")).findFirst()
                .orElseThrow(() -> new AssertionError("no discount line on " + bill));
    }

    private static BigDecimal total(JsonNode bill) {
        return Amounts.of(bill.get("total"));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private long billedEvents(String subscriptionId) {
        return jdbc.queryForObject("""
                select count(*) from domain_event_entry
                where aggregate_identifier = ? and payload_type like '%SubscriptionBilled'""", Long.class,
                subscriptionId);
    }

    /** The applications recorded on the subscription's stream: inside its bills' SubscriptionBilled (revision 2). */
    private long discountsApplied(String subscriptionId) {
        assertThat(jdbc.queryForObject("""
                select count(*) from domain_event_entry
                where aggregate_identifier = ? and payload_type like '%DiscountApplied'""", Long.class,
                subscriptionId)).as("no DiscountApplied event of its own").isZero();
        return jdbc.queryForObject("""
                select coalesce(sum(jsonb_array_length(payload::jsonb -> 'discounts')), 0) from domain_event_entry
                where aggregate_identifier = ? and payload_type like '%SubscriptionBilled'""", Long.class,
                subscriptionId);
    }
}
