package org.subledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.app.AccountsIT.assertProblem;

/**
 * Receivables as open items, end to end: bills of January and February (due the 15th, the default payment term of
 * 14 days), a payment that settles the oldest bill first, the overdue amount and oldest due date on the account now and
 * {@code ?asOf=} before the payment, the list of accounts owing more than an amount on bills due more than N days ago,
 * a payment naming a bill (and refused, recording nothing, when that bill is not open), a prepayment that settles the
 * bills as they are posted, and the aged receivables. Dates are explicit (bill runs of 2026-01-01 and 2026-02-01), so
 * every figure follows from today's date without moving any clock.
 */
class ReceivablesIT extends LedgerIT {

    @Autowired
    Clock clock;

    private static final LocalDate JANUARY_DUE = LocalDate.of(2026, 1, 15);
    private static final LocalDate FEBRUARY_DUE = LocalDate.of(2026, 2, 15);
    /** The sample catalog's start-up fee, billed when the subscription is created: due in 14 days, not overdue. */
    private static final BigDecimal FEE = new BigDecimal("5.00");

    private String type;

    @BeforeEach
    void catalog() {
        loadSampleCatalog();
        type = "AR-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        var created = api.post("admin", "/api/catalog/subscription-types", """
                {"code": "%s", "name": "Receivables test", "allowedBillingTermSchemes": ["RESIDENTIAL"],
                 "allowedProviders": ["NAGRA"], "allowedProducts": ["PLATINUM", "START-UP-FEE"]}""".formatted(type));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    @Test
    void paymentsSettleTheOldestBillFirstAndTheOverdueFiguresFollowExactly() {
        // the ledger's today, which the overdue filter counts from (not the JVM's, which may differ)
        LocalDate today = LocalDate.now(clock);
        String owing = api.openAccount("Andreas", "Owing" + suffix(), "5000.00");
        String prepaid = api.openAccount("Elena", "Prepaid" + suffix(), "5000.00");
        subscribe(owing);
        subscribe(prepaid);
        assertThat(pay(prepaid, "500.00", null).status()).isEqualTo(201);

        List<JsonNode> bills = new ArrayList<>();
        bills.add(billRun("2026-01-01", owing, 1));
        bills.add(billRun("2026-02-01", owing, 2));
        BigDecimal january = amount(bills.get(0), "total");
        BigDecimal february = amount(bills.get(1), "total");
        assertThat(bills.get(0).get("dueDate").asText()).isEqualTo(JANUARY_DUE.toString());
        assertThat(bills.get(1).get("dueDate").asText()).isEqualTo(FEBRUARY_DUE.toString());
        JsonNode before = awaitAccount(owing, account -> amount(account, "balance")
                .compareTo(FEE.add(january).add(february)) == 0
                && amount(account, "overdueAmount").compareTo(january.add(february)) == 0);
        assertThat(before.get("oldestDueDate").asText()).isEqualTo(JANUARY_DUE.toString());
        JsonNode overview = api.get("reporter", "/api/customers/" + owing + "/overview").json().get("account");
        assertThat(amount(overview, "overdueAmount")).isEqualByComparingTo(january.add(february));
        assertThat(overview.get("oldestDueDate").asText()).isEqualTo(JANUARY_DUE.toString());

        // owing more than (both bills - 0.01) on bills due more than 10 days ago: listed; on bills due before
        // January's due date: nothing is, so not listed
        BigDecimal justUnder = january.add(february).subtract(new BigDecimal("0.01"));
        assertThat(listed(justUnder, 10)).contains(owing).doesNotContain(prepaid);
        long daysSinceJanuaryDue = ChronoUnit.DAYS.between(JANUARY_DUE, today);
        assertThat(listed(BigDecimal.ZERO, (int) daysSinceJanuaryDue)).doesNotContain(owing);
        assertThat(listed(january.subtract(new BigDecimal("0.01")), (int) daysSinceJanuaryDue - 1)).contains(owing);

        // the instant of the account's last event before the payment, as the event store recorded it: the clock
        // that stamps events is Axon's JVM-wide one, which another ledger started in this JVM may have shifted
        Instant beforePayment = Instant.parse(jdbc.queryForObject("""
                select time_stamp from domain_event_entry where aggregate_identifier = ?
                order by sequence_number desc limit 1""", String.class, owing));
        // January's bill in full and 1.00 of February's: the oldest first
        assertThat(pay(owing, january.add(BigDecimal.ONE).toPlainString(), null).status()).isEqualTo(201);
        JsonNode after = awaitAccount(owing, account -> amount(account, "overdueAmount")
                .compareTo(february.subtract(BigDecimal.ONE)) == 0);
        assertThat(after.get("oldestDueDate").asText()).isEqualTo(FEBRUARY_DUE.toString());
        assertThat(jdbc.queryForList("select item_id from receivable_open_item where account_id = ?"
                + " and open_amount > 0 and item_id in (select bill_id from bill where kind = 'RUN')", String.class,
                owing))
                .containsExactly(bills.get(1).get("billId").asText());

        var thenResponse = api.get("auditor", "/api/accounts/" + owing + "?asOf=" + beforePayment);
        assertThat(thenResponse.status()).as(thenResponse.toString()).isEqualTo(200);
        JsonNode then = thenResponse.json();
        assertThat(then.hasNonNull("overdueAmount")).as(then.toString()).isTrue();
        assertThat(amount(then, "overdueAmount")).isEqualByComparingTo(january.add(february));
        assertThat(then.get("oldestDueDate").asText()).isEqualTo(JANUARY_DUE.toString());
        assertThat(amount(then, "balance")).isEqualByComparingTo(FEE.add(january).add(february));

        // a settled bill or an unknown one cannot be named, and such a payment records nothing
        var settled = pay(owing, "1.00", bills.get(0).get("billId").asText());
        assertProblem(settled, 422, "BILL_NOT_OPEN", null);
        var unknown = pay(owing, "1.00", "no-such-bill");
        assertProblem(unknown, 422, "BILL_NOT_OPEN", null);
        assertThat(recordedBy(settled, unknown)).isZero();

        // naming February's bill settles its rest: nothing is overdue any more
        assertThat(pay(owing, february.subtract(BigDecimal.ONE).toPlainString(), bills.get(1).get("billId").asText())
                .status()).isEqualTo(201);
        // two read models (the balances, the open items) follow the payment each at its own pace: wait for both
        JsonNode paid = awaitAccount(owing, account -> amount(account, "balance").compareTo(FEE) == 0
                && amount(account, "overdueAmount").signum() == 0);
        assertThat(paid.hasNonNull("oldestDueDate")).isFalse();

        // the prepayment settled its start-up fee and both bills as they were posted: nothing open, nothing overdue
        Await.until("the prepayment's items settled", () -> jdbc.queryForObject(
                "select count(*) from receivable_open_item where account_id = ? and open_amount = 0", Long.class,
                prepaid), count -> count == 3);
        JsonNode prepaidAccount = awaitAccount(prepaid, account -> amount(account, "balance")
                .compareTo(new BigDecimal("-500.00").add(FEE).add(january).add(february)) == 0);
        assertThat(amount(prepaidAccount, "overdueAmount")).isZero();
        assertThat(prepaidAccount.hasNonNull("oldestDueDate")).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from receivable_open_item where account_id = ?"
                + " and open_amount > 0", Long.class, prepaid)).isZero();
    }

    @Test
    void agedReceivablesPutWhatIsOwedInBucketsByDaysPastTheDueDate() {
        String owing = api.openAccount("Marios", "Aged" + suffix(), "5000.00");
        subscribe(owing);
        JsonNode bill = billRun("2026-01-01", owing, 1);
        BigDecimal january = amount(bill, "total");
        awaitAccount(owing, account -> amount(account, "overdueAmount").compareTo(january) == 0);
        assertThat(api.post("agent", "/api/accounts/" + owing + "/charges", "{\"amount\": 7.00}").status())
                .isEqualTo(201);
        BigDecimal owed = FEE.add(january).add(new BigDecimal("7.00"));
        awaitAccount(owing, account -> amount(account, "balance").compareTo(owed) == 0);

        JsonNode aged = Await.until("the account's aged receivables", () -> api.get("reporter",
                        "/api/receivables/aged?size=500").json(), json -> rowOf(json, owing) != null
                && agedAmount(rowOf(json, owing), "total").compareTo(owed) == 0);
        JsonNode row = rowOf(aged, owing);
        long daysPastDue = ChronoUnit.DAYS.between(JANUARY_DUE, LocalDate.parse(aged.get("asOf").asText()));
        String bucket = daysPastDue <= 30 ? "days0to30" : daysPastDue <= 60 ? "days31to60"
                : daysPastDue <= 90 ? "days61to90" : "daysOver90";
        // the fee (not due yet) and the charge (due today) are in 0-30; January's bill falls in the bucket of its days past due
        BigDecimal expectedInBucket = bucket.equals("days0to30") ? owed : january;
        assertThat(agedAmount(row, bucket)).isEqualByComparingTo(expectedInBucket);
        assertThat(agedAmount(row, "days0to30")).isGreaterThanOrEqualTo(FEE.add(new BigDecimal("7.00")));
        assertThat(aged.get("totals")).anySatisfy(total -> assertThat(total.get("currency").asText()).isEqualTo("EUR"));
    }

    @Test
    void aSchemesPaymentTermDecidesTheDueDateOfItsBills() {
        String scheme = "NET30-" + suffix();
        String schemeBody = """
                {"code":"%s","name":"Thirty days","billingFrequencies":["MONTHLY"],"bindingPeriodMonths":0,
                 "allowedPricePlans":["STANDARD"],"defaultPricePlan":"STANDARD","flexiblePricing":false,
                 "overrideCreditLimitRules":false,"termedServiceTiming":"IN_ADVANCE","maxUnbilledUsageAmount":null,
                 "maxUnbilledUsageRecords":null,"prepaid":false,"paymentDueDays":%d}""";
        assertProblem(api.post("admin", "/api/catalog/billing-term-schemes", schemeBody.formatted(scheme, -1)), 400,
                "VALIDATION_FAILED", "paymentDueDays");
        assertThat(api.post("admin", "/api/catalog/billing-term-schemes", schemeBody.formatted(scheme, 30)).status())
                .isEqualTo(201);
        type = "AR30-" + suffix();
        assertThat(api.post("admin", "/api/catalog/subscription-types", """
                {"code": "%s", "name": "Thirty days test", "allowedBillingTermSchemes": ["%s"],
                 "allowedProviders": ["NAGRA"], "allowedProducts": ["PLATINUM", "START-UP-FEE"]}"""
                .formatted(type, scheme)).status()).isEqualTo(201);
        String account = api.openAccount("Nikos", "Thirty" + suffix(), "5000.00");
        var created = api.post("agent", "/api/subscriptions", """
                {"accountId":"%s","subscriptionTypeCode":"%s",
                 "billingTerms":{"scheme":"%s","billingFrequency":"MONTHLY"},
                 "initialState":"EFFECTIVE","actionDate":"2026-01-01",
                 "distributors":[{"distributorId":"STB-1","providerCode":"NAGRA"}],
                 "services":[{"productCode":"PLATINUM","distributorIds":["STB-1"]}]}"""
                .formatted(account, type, scheme));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        JsonNode bill = billRun("2026-01-01", account, 1);

        assertThat(bill.get("dueDate").asText()).isEqualTo("2026-01-31");
        JsonNode owing = awaitAccount(account, json -> amount(json, "overdueAmount").compareTo(amount(bill, "total"))
                == 0);
        assertThat(owing.get("oldestDueDate").asText()).isEqualTo("2026-01-31");
    }

    private static JsonNode rowOf(JsonNode aged, String accountId) {
        for (JsonNode row : aged.get("accounts")) {
            if (row.get("accountId").asText().equals(accountId)) {
                return row;
            }
        }
        return null;
    }

    private List<String> listed(BigDecimal moreThan, int dueDaysAgo) {
        var response = api.get("reporter", "/api/accounts?size=500&overdueMoreThan=" + moreThan.toPlainString()
                + "&dueDaysAgo=" + dueDaysAgo);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().get("content").forEach(account -> ids.add(account.get("accountId").asText()));
        return ids;
    }

    private Api.Response pay(String accountId, String amount, String billId) {
        return api.post("agent", "/api/accounts/" + accountId + "/payments", billId == null
                ? "{\"amount\": %s}".formatted(amount)
                : "{\"amount\": %s, \"billId\": \"%s\"}".formatted(amount, billId));
    }

    private void subscribe(String accountId) {
        var created = api.post("agent", "/api/subscriptions", """
                {"accountId":"%s","subscriptionTypeCode":"%s",
                 "billingTerms":{"scheme":"RESIDENTIAL","billingFrequency":"MONTHLY"},
                 "initialState":"EFFECTIVE","actionDate":"2026-01-01",
                 "distributors":[{"distributorId":"STB-1","providerCode":"NAGRA"}],
                 "services":[{"productCode":"PLATINUM","distributorIds":["STB-1"]}]}""".formatted(accountId, type));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    /** Runs this test's bills of {@code billingDate}; answers the {@code count}th bill of the account, once shown. */
    private JsonNode billRun(String billingDate, String accountId, int count) {
        var started = api.post("billing", "/api/bill-runs", """
                {"billingDate":"%s","subscriptionTypeCode":"%s"}""".formatted(billingDate, type));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        JsonNode bills = Await.until(count + " bill(s) of " + accountId, () -> BillLists.withoutEventChargeBills(
                api.get("reporter", "/api/accounts/" + accountId + "/bills?size=50").json()),
                json -> json.path("content").size() == count);
        for (JsonNode bill : bills.get("content")) {
            if (bill.get("periodFrom").asText().equals(billingDate)) {
                return bill;
            }
        }
        throw new AssertionError("no bill from " + billingDate + " in " + bills);
    }

    private JsonNode awaitAccount(String accountId, java.util.function.Predicate<JsonNode> done) {
        return Await.until("account " + accountId, () -> api.get("reporter", "/api/accounts/" + accountId),
                response -> response.status() == 200 && done.test(response.json())).json();
    }

    private static BigDecimal agedAmount(JsonNode row, String field) {
        return Amounts.of(row.get(field));
    }

    private static BigDecimal amount(JsonNode json, String field) {
        return Amounts.of(json.get(field));
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 4).toUpperCase();
    }
}
