package org.subledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.wallet.WalletIds;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wallets end to end: top-ups read back, transfers, refusals that record nothing, a top-up repeated concurrently
 * with one Idempotency-Key credited once, prepaid usage from many concurrent requests never taking a wallet below
 * zero, and a prepaid recurring bill the wallet cannot pay deactivating its subscription until a top-up pays it.
 * Subscriptions are of a type of this class's own, so bill runs filtered by it bill nothing of other tests.
 */
class WalletsIT extends LedgerIT {

    String type;

    @BeforeEach
    void walletType() {
        loadSampleCatalog();
        type = "WT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        var created = api.post("admin", "/api/catalog/subscription-types", """
                {"code": "%s", "name": "Wallet test", "allowedBillingTermSchemes": ["PREPAID-WALLET"],
                 "allowedProviders": ["NAGRA"], "allowedProducts": ["PPV-MOVIES"]}""".formatted(type));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    @Test
    void aTopUpIsReadBackOnTheWalletAndLeavesTheAccountsBalanceAlone() {
        String account = api.openAccount("Wanda", "Wallet", "100.00");
        var toppedUp = api.post("agent", wallet(account) + "/top-ups", """
                {"amount":25.00,"reference":"card 4242"}""");
        assertThat(toppedUp.status()).as(toppedUp.toString()).isEqualTo(201);
        assertThat(api.post("agent", wallet(account) + "/top-ups", "{\"amount\":5.50}").status()).isEqualTo(201);

        JsonNode read = awaitBalance(account, "30.50");
        assertThat(read.get("totalElements").asLong()).isEqualTo(2);
        JsonNode newest = read.get("movements").get(0);
        assertThat(newest.get("kind").asText()).isEqualTo("TOP_UP");
        assertThat(Amounts.of(newest.get("amount"))).isEqualByComparingTo("5.50");
        assertThat(read.get("currency").asText()).isEqualTo("EUR");
        assertThat(read.get("movements").get(1).get("reference").asText()).isEqualTo("card 4242");
        assertThat(eventCount(account)).as("the account's own stream: only its opening").isEqualTo(1);
        assertThat(Amounts.of(api.get("reporter", "/api/accounts/" + account).json().get("balance")))
                .isEqualByComparingTo("0.00");
        assertThat(api.get("reporter", wallet(account) + "?page=1&size=1").json().get("movements").get(0)
                .get("kind").asText()).isEqualTo("TOP_UP");

        // the customer overview shows the wallet from the same read model (already caught up: awaited above)
        JsonNode glance = api.get("agent", "/api/customers/" + account + "/overview").json().get("wallet");
        assertThat(Amounts.of(glance.get("balance"))).isEqualByComparingTo("30.50");
        assertThat(glance.get("movements").asLong()).isEqualTo(2);
        assertThat(glance.get("lastMovement").get("kind").asText()).isEqualTo("TOP_UP");
        assertThat(Amounts.of(glance.get("lastMovement").get("amount"))).isEqualByComparingTo("5.50");
        assertThat(Amounts.of(glance.get("lastMovement").get("balanceAfter"))).isEqualByComparingTo("30.50");
    }

    @Test
    void anAccountWithoutWalletMovementsShowsAnEmptyWallet() {
        String account = api.openAccount("Nil", "Wallet", "100.00");
        // the account is read from its read model, which follows the opening a moment later
        JsonNode empty = Await.until("the account readable", () -> api.get("reporter", wallet(account)),
                response -> response.status() == 200).json();
        assertThat(Amounts.of(empty.get("balance"))).isEqualByComparingTo("0");
        assertThat(empty.get("movements")).isEmpty();
        JsonNode glance = api.get("agent", "/api/customers/" + account + "/overview").json().get("wallet");
        assertThat(Amounts.of(glance.get("balance"))).isEqualByComparingTo("0");
        assertThat(glance.get("balance").get("currency").asText()).isEqualTo("EUR");
        assertThat(glance.get("movements").asLong()).isZero();
        assertThat(glance.get("lastMovement").isNull()).isTrue();
        AccountsIT.assertProblem(api.get("reporter", wallet(UUID.randomUUID().toString())), 404,
                "ACCOUNT_NOT_FOUND", null);
    }

    @Test
    void badTopUpsAndTransfersAreRefusedAsProblemsAndRecordNothing() {
        String account = api.openAccount("Bad", "Wallet", "100.00");
        String other = api.openAccount("Other", "Wallet", "100.00");
        assertThat(api.post("agent", wallet(account) + "/top-ups", "{\"amount\":10.00}").status()).isEqualTo(201);
        List<Api.Response> refused = List.of(
                AccountsIT.assertProblem(api.post("agent", wallet(account) + "/top-ups", "{\"amount\":-5.00}"),
                        400, "VALIDATION_FAILED", "amount"),
                AccountsIT.assertProblem(api.post("agent", wallet(account) + "/top-ups", "{\"amount\":0}"),
                        400, "VALIDATION_FAILED", "amount"),
                AccountsIT.assertProblem(api.post("agent", wallet(account) + "/top-ups", "{\"amount\":1.001}"),
                        400, "VALIDATION_FAILED", "amount"),
                AccountsIT.assertProblem(api.post("agent", wallet(account) + "/top-ups",
                        "{\"amount\":1000000000000.01}"), 400, "VALIDATION_FAILED", "amount"),
                AccountsIT.assertProblem(api.post("agent", wallet(account) + "/top-ups", "{}"),
                        400, "VALIDATION_FAILED", "amount"),
                AccountsIT.assertProblem(api.post("agent", wallet(account) + "/top-ups",
                        "{\"amount\":5.00,\"currency\":\"USD\"}"), 400, "CURRENCY_MISMATCH", "currency"),
                AccountsIT.assertProblem(api.post("agent", wallet(UUID.randomUUID().toString()) + "/top-ups",
                        "{\"amount\":5.00}"), 404, "ACCOUNT_NOT_FOUND", null),
                AccountsIT.assertProblem(api.post("reporter", wallet(account) + "/top-ups", "{\"amount\":5.00}"),
                        403, "ACCESS_DENIED", null),
                AccountsIT.assertProblem(api.post("billing", wallet(account) + "/transfers", """
                        {"toAccountId":"%s","amount":10.01}""".formatted(other)), 422,
                        "WALLET_INSUFFICIENT_FUNDS", null),
                AccountsIT.assertProblem(api.post("billing", wallet(account) + "/transfers", """
                        {"toAccountId":"%s","amount":1.00}""".formatted(account)), 400,
                        "VALIDATION_FAILED", "toAccountId"),
                AccountsIT.assertProblem(api.post("billing", wallet(account) + "/transfers", """
                        {"toAccountId":"%s","amount":1.00}""".formatted(UUID.randomUUID())), 404,
                        "ACCOUNT_NOT_FOUND", null));
        assertThat(recordedBy(refused.toArray(Api.Response[]::new))).isZero();
        assertThat(eventCount(WalletIds.of(account))).isEqualTo(1);
        assertThat(eventCount(WalletIds.of(other))).isZero();
    }

    @Test
    void aTransferMovesFundsFromOneWalletToAnother() {
        String payer = api.openAccount("Paying", "Parent", "100.00");
        String payee = api.openAccount("Paid", "Child", "100.00");
        assertThat(api.post("agent", wallet(payer) + "/top-ups", "{\"amount\":30.00}").status()).isEqualTo(201);
        var moved = api.post("billing", wallet(payer) + "/transfers", """
                {"toAccountId":"%s","amount":12.50,"note":"pocket money"}""".formatted(payee));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(201);

        assertThat(awaitBalance(payer, "17.50").get("movements").get(0).get("kind").asText())
                .isEqualTo("TRANSFER_OUT");
        JsonNode received = awaitBalance(payee, "12.50");
        assertThat(received.get("movements").get(0).get("kind").asText()).isEqualTo("TRANSFER_IN");
        assertThat(received.get("movements").get(0).get("reference").asText()).isEqualTo(payer);
    }

    @Test
    void aTopUpRepeatedConcurrentlyWithOneIdempotencyKeyCreditsOnce() throws Exception {
        String account = api.openAccount("Double", "Click", "100.00");
        Map<String, String> key = Map.of("Idempotency-Key", "top-up-" + UUID.randomUUID());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Api.Response>> sent = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sent.add(pool.submit(() -> api.post("agent", wallet(account) + "/top-ups", "{\"amount\":15.00}", key)));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Api.Response> response : sent) {
            Api.Response answer = response.get();
            statuses.add(answer.status());
            if (answer.status() == 409) {
                assertThat(answer.json().get("code").asText()).isEqualTo("IDEMPOTENT_REQUEST_IN_PROGRESS");
            }
        }
        pool.shutdown();
        assertThat(statuses).contains(201).allMatch(status -> status == 201 || status == 409);
        var again = api.post("agent", wallet(account) + "/top-ups", "{\"amount\":15.00}", key);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");

        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?"
                + " and payload_type like '%WalletToppedUp'", Long.class, WalletIds.of(account))).isEqualTo(1);
        awaitBalance(account, "15.00");
    }

    @Test
    void concurrentPrepaidUsageNeverTakesTheWalletBelowZero() throws Exception {
        String account = api.openAccount("Movie", "Binger", "100.00");
        List<String> subscriptions = List.of(subscribe(account), subscribe(account));
        assertThat(api.post("agent", wallet(account) + "/top-ups", "{\"amount\":20.00}").status()).isEqualTo(201);
        String tag = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> accepted = new ArrayList<>();
        List<String> recordIds = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String first = "R" + i + "a-" + tag;
            String second = "R" + i + "b-" + tag;
            recordIds.add(first);
            recordIds.add(second);
            if (i % 2 == 0) {
                String batch = """
                        {"records":[
                          {"subscriptionId":"%s","recordId":"%s","productCode":"BRAVEHEART","usedAt":"2026-01-05T21:30:00"},
                          {"subscriptionId":"%s","recordId":"%s","productCode":"BRAVEHEART","usedAt":"2026-01-05T21:30:00"}
                        ]}""".formatted(subscriptions.get(0), first, subscriptions.get(1), second);
                accepted.add(pool.submit((Callable<Integer>) () -> {
                    var outcome = api.post("billing", "/api/usage/batches", batch);
                    assertThat(outcome.status()).as(outcome.toString()).isEqualTo(200);
                    return outcome.json().get("accepted").asInt();
                }));
            } else {
                String subscription = subscriptions.get(i % 4 == 1 ? 0 : 1);
                accepted.add(pool.submit((Callable<Integer>) () -> single(subscription, first)
                        + single(subscription, second)));
            }
        }
        int records = 0;
        for (Future<Integer> count : accepted) {
            records += count.get();
        }
        pool.shutdown();

        String walletId = WalletIds.of(account);
        BigDecimal usageConsumed = jdbc.queryForObject("""
                select coalesce(sum((payload::jsonb -> 'amount' ->> 'amount')::numeric), 0) from domain_event_entry
                where aggregate_identifier = ? and payload_type like '%WalletConsumed'
                and payload::jsonb ->> 'usageRecordId' is not null""", BigDecimal.class, walletId);
        BigDecimal allConsumed = jdbc.queryForObject("""
                select coalesce(sum((payload::jsonb -> 'amount' ->> 'amount')::numeric), 0) from domain_event_entry
                where aggregate_identifier = ? and payload_type like '%WalletConsumed'""", BigDecimal.class, walletId);
        BigDecimal balance = jdbc.queryForObject("""
                select (payload::jsonb -> 'balanceAfter' ->> 'amount')::numeric from domain_event_entry
                where aggregate_identifier = ? and payload::jsonb -> 'balanceAfter' is not null
                order by sequence_number desc limit 1""", BigDecimal.class, walletId);
        assertThat(records).as("movies of 3.00 paid from 20.00").isBetween(1, 6);
        assertThat(usageConsumed).isEqualByComparingTo(new BigDecimal("3.00").multiply(BigDecimal.valueOf(records)));
        assertThat(allConsumed).isLessThanOrEqualTo(new BigDecimal("20.00"));
        assertThat(balance).isEqualByComparingTo(new BigDecimal("20.00").subtract(allConsumed)).isNotNegative();
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where payload_type like"
                        + " '%UsageRecorded' and payload::jsonb ->> 'recordId' = any (string_to_array(?, ','))",
                Long.class, String.join(",", recordIds))).as("only the paid records are recorded").isEqualTo(records);

        awaitBalance(account, balance.toPlainString());
        int paid = records;
        Await.until("each consumption paid on the account", () -> jdbc.queryForObject("""
                select count(*) from domain_event_entry where aggregate_identifier = ?
                and payload_type like '%PaymentRecorded' and payload::jsonb ->> 'postingId' like 'wallet:usage:%'""",
                Long.class, account), count -> count == paid);
    }

    @Test
    void aPrepaidBillTheWalletCannotPayDeactivatesTheSubscriptionUntilATopUpPaysIt() {
        String account = api.openAccount("Empty", "Wallet", "100.00");
        String subscription = subscribe(account);
        assertThat(api.post("agent", wallet(account) + "/top-ups", "{\"amount\":1.00}").status()).isEqualTo(201);

        var run = api.post("billing", "/api/bill-runs", """
                {"billingDate":"2026-01-01","subscriptionTypeCode":"%s"}""".formatted(type));
        assertThat(run.status()).as(run.toString()).isEqualTo(202);
        awaitSubscription(subscription, "DEACTIVATED");
        String billId = jdbc.queryForObject("""
                select payload::jsonb ->> 'billId' from domain_event_entry where aggregate_identifier = ?
                and payload_type like '%WalletSettlementRefused'""", String.class, WalletIds.of(account));
        BigDecimal total = jdbc.queryForObject("""
                select (payload::jsonb -> 'total' ->> 'amount')::numeric from domain_event_entry
                where aggregate_identifier = ? and payload_type like '%BillIssued'""", BigDecimal.class, billId);
        assertThat(total).isGreaterThan(new BigDecimal("1.00"));
        awaitBalance(account, "1.00"); // nothing left the wallet

        assertThat(api.post("agent", wallet(account) + "/top-ups", "{\"amount\":10.00}").status()).isEqualTo(201);
        awaitSubscription(subscription, "EFFECTIVE");
        JsonNode paid = awaitBalance(account, new BigDecimal("11.00").subtract(total).toPlainString());
        assertThat(paid.get("movements").get(0).get("kind").asText()).isEqualTo("CONSUMPTION");
        assertThat(paid.get("movements").get(0).get("reference").asText()).isEqualTo(billId);
        Await.until("the bill paid on the account", () -> jdbc.queryForObject("""
                select count(*) from domain_event_entry where aggregate_identifier = ?
                and payload_type like '%PaymentRecorded' and payload::jsonb ->> 'postingId' = ?""",
                Long.class, account, "wallet:bill:" + billId), count -> count == 1);
    }

    @Test
    void aPrepaidBillTheWalletCoversIsPaidFromItInTheBillRunAndOnTheAccount() {
        String account = api.openAccount("Full", "Wallet", "100.00");
        String subscription = subscribe(account);
        assertThat(api.post("agent", wallet(account) + "/top-ups", "{\"amount\":50.00}").status()).isEqualTo(201);

        var run = api.post("billing", "/api/bill-runs", """
                {"billingDate":"2026-01-01","subscriptionTypeCode":"%s"}""".formatted(type));
        assertThat(run.status()).as(run.toString()).isEqualTo(202);
        String billId = Await.until("the bill paid from the wallet", () -> jdbc.queryForList("""
                select payload::jsonb ->> 'billId' from domain_event_entry where aggregate_identifier = ?
                and payload_type like '%WalletConsumed'""", String.class, WalletIds.of(account)),
                ids -> ids.size() == 1).get(0);
        BigDecimal total = jdbc.queryForObject("""
                select (payload::jsonb -> 'total' ->> 'amount')::numeric from domain_event_entry
                where aggregate_identifier = ? and payload_type like '%BillIssued'""", BigDecimal.class, billId);
        awaitBalance(account, new BigDecimal("50.00").subtract(total).toPlainString());
        Await.until("the bill paid on the account", () -> jdbc.queryForObject("""
                select count(*) from domain_event_entry where aggregate_identifier = ?
                and payload_type like '%PaymentRecorded' and payload::jsonb ->> 'postingId' = ?""",
                Long.class, account, "wallet:bill:" + billId), count -> count == 1);
        assertThat(api.get("reporter", "/api/subscriptions/" + subscription).json().get("state").asText())
                .isEqualTo("EFFECTIVE");
        assertThat(eventCount(WalletIds.of(account))).as("a top-up and the bill's consumption only").isEqualTo(2);
    }

    private int single(String subscription, String recordId) {
        var response = api.post("billing", "/api/subscriptions/" + subscription + "/usage", """
                {"recordId":"%s","productCode":"BRAVEHEART","usedAt":"2026-01-05T21:30:00"}""".formatted(recordId));
        if (response.status() == 201) {
            return 1;
        }
        AccountsIT.assertProblem(response, 422, "WALLET_INSUFFICIENT_FUNDS", null);
        return 0;
    }

    private String subscribe(String account) {
        var created = api.post("agent", "/api/subscriptions", """
                {"accountId":"%s","subscriptionTypeCode":"%s",
                 "billingTerms":{"scheme":"PREPAID-WALLET","billingFrequency":"MONTHLY"},
                 "initialState":"EFFECTIVE","actionDate":"2026-01-01",
                 "distributors":[{"distributorId":"STB-1","providerCode":"NAGRA"}],
                 "services":[{"productCode":"PPV-MOVIES","distributorIds":["STB-1"]}]}""".formatted(account, type));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("subscriptionId").asText();
    }

    private static String wallet(String account) {
        return "/api/accounts/" + account + "/wallet";
    }

    private JsonNode awaitBalance(String account, String balance) {
        return Await.until("wallet of " + account + " at " + balance, () -> api.get("reporter", wallet(account)),
                response -> response.status() == 200 && new BigDecimal(response.json().at("/balance/amount").asText("0"))
                        .compareTo(new BigDecimal(balance)) == 0).json();
    }

    private void awaitSubscription(String id, String state) {
        Await.until("subscription " + id + " " + state, () -> api.get("reporter", "/api/subscriptions/" + id),
                response -> response.status() == 200 && response.json().get("state").asText().equals(state));
    }
}
