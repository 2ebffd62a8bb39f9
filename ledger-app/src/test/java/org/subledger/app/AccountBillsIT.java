package org.subledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One bill per account and billing date, end to end: an account with a TV and a second subscription on a scheme
 * billing per account gets one bill with a section each (total the sum of the subtotals, one posting to the account,
 * each subscription's billing position moved); on a scheme billing per subscription each gets its own bill; a second
 * run on the date bills nothing; the explanation explains each section from its own subscription.
 */
class AccountBillsIT extends LedgerIT {

    private static final LocalDate ON = LocalDate.of(2018, 5, 1);

    private String type;
    private String perAccount;
    private String perSubscription;

    @BeforeEach
    void catalog() {
        loadSampleCatalog();
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        perAccount = "ACB-ACC-" + suffix;
        perSubscription = "ACB-SUB-" + suffix;
        // no billPer: a scheme defined now bills per account; flexible pricing, so an agent may give a discount
        createScheme(perAccount, ", \"flexiblePricing\": true");
        createScheme(perSubscription, ", \"billPer\": \"SUBSCRIPTION\"");
        type = "ACB-" + suffix;
        var created = api.post("admin", "/api/catalog/subscription-types", """
                {"code": "%s", "name": "Account bills test", "allowedBillingTermSchemes": ["%s", "%s"],
                 "allowedProviders": ["NAGRA"], "allowedProducts": ["GOLD", "PLATINUM", "EUROSPORT-1"]}"""
                .formatted(type, perAccount, perSubscription));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    @Test
    void anAccountsSubscriptionsOnASchemeBillingPerAccountGetOneBillWithASectionEach() {
        String account = api.openAccount("Triple", "Play", "5000.00");
        String tv = subscribe(account, perAccount, "GOLD");
        String second = subscribe(account, perAccount, "PLATINUM");
        JsonNode scheme = Await.until("scheme " + perAccount, () -> api.get("reporter",
                "/api/catalog/billing-term-schemes/" + perAccount), response -> response.status() == 200).json();
        assertThat(scheme.toString()).contains("\"billPer\":\"ACCOUNT\"");

        JsonNode run = runBills();
        assertThat(run.get("billed").asLong()).as(run.toString()).isEqualTo(2);

        List<JsonNode> bills = bills(account, 1);
        JsonNode bill = bills.get(0);
        assertThat(bill.get("subscriptionId").isNull()).as(bill.toString()).isTrue();
        JsonNode sections = bill.get("sections");
        assertThat(sections).hasSize(2);
        List<String> sectionSubscriptions = new ArrayList<>();
        BigDecimal subtotals = BigDecimal.ZERO;
        int lineNo = 1;
        for (JsonNode section : sections) {
            sectionSubscriptions.add(section.get("subscriptionId").asText());
            subtotals = subtotals.add(Amounts.of(section.get("subtotal")));
            BigDecimal lines = BigDecimal.ZERO;
            assertThat(section.get("lineNos")).isNotEmpty();
            for (JsonNode number : section.get("lineNos")) {
                assertThat(number.asInt()).as("lines numbered on across the sections").isEqualTo(lineNo++);
                lines = lines.add(Amounts.of(bill.get("lines").get(number.asInt() - 1).get("amount")));
            }
            assertThat(lines).isEqualByComparingTo(Amounts.of(section.get("subtotal")));
            assertThat(section.get("periodFrom").asText()).isEqualTo(ON.toString());
        }
        assertThat(lineNo - 1).isEqualTo(bill.get("lines").size());
        assertThat(sectionSubscriptions).containsExactlyInAnyOrder(tv, second);
        assertThat(Amounts.of(bill.get("total"))).isPositive().isEqualByComparingTo(subtotals);

        // one posting of the whole bill on the account; each subscription's own billing position, on its stream
        assertThat(jdbc.queryForList("""
                select payload::jsonb -> 'total' ->> 'amount' from domain_event_entry
                where aggregate_identifier = ? and payload_type like '%.BillPosted'
                  and payload::jsonb ->> 'billId' = ?""", String.class, account, bill.get("billId").asText()))
                .singleElement().satisfies(total -> assertThat(new BigDecimal(total))
                        .isEqualByComparingTo(Amounts.of(bill.get("total"))));
        for (String subscription : List.of(tv, second)) {
            assertThat(jdbc.queryForList("""
                    select payload::jsonb ->> 'billId' from domain_event_entry
                    where aggregate_identifier = ? and payload_type like '%.SubscriptionBilled'""", String.class,
                    subscription)).containsExactly(bill.get("billId").asText());
        }

        JsonNode explanation = api.get("auditor", "/api/bills/" + bill.get("billId").asText() + "/explanation")
                .json();
        assertThat(explanation.get("sections")).hasSize(2).allSatisfy(section ->
                assertThat(section.get("subscriptionBilledEventId").isNull()).as(section.toString()).isFalse());

        JsonNode again = runBills();
        assertThat(again.get("billed").asLong()).as("a second run on the date: " + again).isZero();
        assertThat(runBillPostings(account)).isEqualTo(1);
    }

    @Test
    void onASchemeBillingPerSubscriptionEachSubscriptionGetsABillOfItsOwn() {
        String account = api.openAccount("Two", "Bills", "5000.00");
        String tv = subscribe(account, perSubscription, "GOLD");
        String second = subscribe(account, perSubscription, "PLATINUM");

        runBills();

        List<JsonNode> bills = bills(account, 2);
        assertThat(bills).extracting(bill -> bill.get("subscriptionId").asText())
                .containsExactlyInAnyOrder(tv, second);
        for (JsonNode bill : bills) {
            assertThat(bill.get("sections")).singleElement().satisfies(section -> {
                assertThat(section.get("subscriptionId").asText()).isEqualTo(bill.get("subscriptionId").asText());
                assertThat(Amounts.of(section.get("subtotal"))).isEqualByComparingTo(Amounts.of(bill.get("total")));
            });
        }
        assertThat(runBillPostings(account)).isEqualTo(2);
    }

    /**
     * The account's bill preview is the bill the run then issues: on a scheme billing per account, June's preview
     * (after May's run) is one bill with a section per subscription, a goodwill discount approved in May on one of
     * them, and VAT; the run on that date issues exactly those lines, sections, totals and due date. A preview
     * records nothing.
     */
    @Test
    void theAccountsBillPreviewIsTheBillTheRunIssues() {
        String account = api.openAccount("Preview", "Account", "5000.00");
        subscribe(account, perAccount, "GOLD");
        String second = subscribe(account, perAccount, "PLATINUM");
        runBills();
        String discounts = "/api/subscriptions/" + second + "/discounts";
        var added = api.post("agent", discounts, """
                {"definitionCode":"GOODWILL-CREDIT","amount":{"amount":7.50,"currency":"EUR"},
                 "actionDate":"2018-05-10","note":"missed visit"}""");
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        var approved = api.post("caremanager", discounts + "/" + added.json().get("discountId").asText()
                + "/approve", "{\"actionDate\":\"2018-05-15\"}");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        LocalDate june = ON.plusMonths(1);

        var response = api.get("agent", "/api/accounts/" + account + "/bill-preview?date=" + june);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode preview = response.json();
        assertThat(preview.get("billingDate").asText()).isEqualTo(june.toString());
        assertThat(preview.get("refusals")).isEmpty();
        assertThat(preview.get("bills")).as(preview.toString()).hasSize(1);
        JsonNode previewed = preview.get("bills").get(0);
        assertThat(previewed.get("sections")).hasSize(2);
        assertThat(previewed.get("lines")).anySatisfy(line -> {
            assertThat(line.get("kind").asText()).isEqualTo("DISCOUNT");
            assertThat(Amounts.of(line.get("amount"))).isEqualByComparingTo("-7.50");
        });
        assertThat(Amounts.of(previewed.get("taxTotal"))).isPositive();
        assertThat(recordedBy(response)).isZero();

        JsonNode run = BillRuns.runToCompletion(api, """
                {"billingDate":"%s","subscriptionTypeCode":"%s"}""".formatted(june, type));
        assertThat(run.get("failed").asLong()).as(run.toString()).isZero();
        JsonNode issued = bills(account, 2).get(1);

        assertThat(issued.get("periodFrom").asText()).isEqualTo(previewed.get("periodFrom").asText());
        assertThat(issued.get("periodTo").asText()).isEqualTo(previewed.get("periodTo").asText());
        assertThat(issued.get("dueDate").asText()).isEqualTo(previewed.get("dueDate").asText());
        assertThat(Amounts.of(issued.get("total"))).isEqualByComparingTo(Amounts.of(previewed.get("total")));
        assertThat(Amounts.of(issued.get("taxTotal"))).isEqualByComparingTo(Amounts.of(previewed.get("taxTotal")));
        assertThat(lineTexts(issued.get("lines"))).isEqualTo(lineTexts(previewed.get("lines")));
        List<String> issuedSections = new ArrayList<>();
        issued.get("sections").forEach(section -> issuedSections.add(section.get("subscriptionId").asText() + " "
                + section.get("periodFrom").asText() + " " + money(section.get("subtotal"))
                + " " + money(section.get("taxSubtotal")) + " lines " + section.get("lineNos")));
        List<String> previewedSections = new ArrayList<>();
        previewed.get("sections").forEach(section -> {
            List<Integer> lineNos = new ArrayList<>();
            for (int n = section.get("firstLineNo").asInt(); n <= section.get("lastLineNo").asInt(); n++) {
                lineNos.add(n);
            }
            previewedSections.add(section.get("subscriptionId").asText() + " "
                    + section.get("periodFrom").asText() + " " + money(section.get("total"))
                    + " " + money(section.get("taxTotal")) + " lines "
                    + lineNos.toString().replace(" ", ""));
        });
        assertThat(issuedSections).isEqualTo(previewedSections);
    }

    /** A bill's lines as text: number, kind, product, period, quantity, amount and VAT. */
    private static List<String> lineTexts(JsonNode lines) {
        List<String> texts = new ArrayList<>();
        lines.forEach(line -> texts.add(line.get("lineNo").asInt() + " " + line.get("kind").asText() + " "
                + line.path("productCode").asText() + " " + line.path("from").asText() + ".."
                + line.path("to").asText() + " x" + line.get("quantity").asLong() + " " + money(line.get("amount"))
                + " " + money(line.get("taxAmount")) + " " + line.path("description").asText()));
        return texts;
    }

    private static String money(JsonNode money) {
        return Amounts.of(money).stripTrailingZeros().toPlainString();
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** The account's postings of bills other than its start-up fees' EVENT_CHARGE bills. */
    private long runBillPostings(String accountId) {
        return jdbc.queryForObject("""
                select count(*) from domain_event_entry
                where aggregate_identifier = ? and payload_type like '%.BillPosted'
                  and (payload::jsonb ->> 'billId') not in (
                      select aggregate_identifier from domain_event_entry
                      where type = 'Bill' and payload_type like '%.BillIssued'
                        and payload::jsonb ->> 'kind' = 'EVENT_CHARGE' and payload::jsonb ->> 'accountId' = ?)""",
                Long.class, accountId, accountId);
    }

    private void createScheme(String code, String extra) {
        var created = api.post("admin", "/api/catalog/billing-term-schemes", """
                {"code": "%s", "name": "Monthly %s", "billingFrequencies": ["MONTHLY"], "bindingPeriodMonths": 0,
                 "allowedPricePlans": ["STANDARD"], "defaultPricePlan": "STANDARD",
                 "overrideCreditLimitRules": false, "termedServiceTiming": "IN_ADVANCE", "prepaid": false%s}"""
                .formatted(code, code, extra.contains("flexiblePricing") ? extra
                        : extra + ", \"flexiblePricing\": false"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    private String subscribe(String accountId, String scheme, String product) {
        var created = api.post("agent", "/api/subscriptions", """
                {"accountId":"%s","subscriptionTypeCode":"%s",
                 "billingTerms":{"scheme":"%s","billingFrequency":"MONTHLY"},
                 "initialState":"EFFECTIVE","actionDate":"%s",
                 "distributors":[{"distributorId":"STB-1","providerCode":"NAGRA"}],
                 "services":[{"productCode":"%s","distributorIds":["STB-1"]}]}"""
                .formatted(accountId, type, scheme, ON, product));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("subscriptionId").asText();
    }

    private JsonNode runBills() {
        JsonNode run = BillRuns.runToCompletion(api, """
                {"billingDate":"%s","subscriptionTypeCode":"%s"}""".formatted(ON, type));
        assertThat(run.get("failed").asLong()).as(run.toString()).isZero();
        return run;
    }

    /**
     * The account's bills other than its start-up fees (each subscription's own EVENT_CHARGE bill) in number order,
     * once {@code count} are projected, each with its lines and sections.
     */
    private List<JsonNode> bills(String accountId, int count) {
        JsonNode page = Await.until(count + " bills of " + accountId, () -> BillLists.withoutEventChargeBills(
                api.get("reporter", "/api/accounts/" + accountId + "/bills?size=50").json()),
                json -> json.path("content").size() == count);
        List<JsonNode> bills = new ArrayList<>();
        page.get("content").forEach(summary -> bills.add(api.get("reporter", "/api/bills/"
                + summary.get("billId").asText()).json()));
        bills.sort(Comparator.comparing((JsonNode bill) -> bill.get("billNumber").asText()));
        return bills;
    }
}
