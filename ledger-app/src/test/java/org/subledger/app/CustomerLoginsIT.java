package org.subledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.app.AccountsIT.assertProblem;

/**
 * Customer logins end to end: an agent issues a one-time activation token, the customer sets its password with it
 * and then reads its own account — balance, statement, subscriptions and their services, bills — and nothing else:
 * another customer's records answer 404 as missing ones do, every other request 403, and a token is good once.
 */
class CustomerLoginsIT extends LedgerIT {

    static final String PASSWORD = "correct horse battery";

    String type;

    @BeforeEach
    void catalog() {
        loadSampleCatalog();
        type = "CL-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        var created = api.post("admin", "/api/catalog/subscription-types", """
                {"code": "%s", "name": "Customer login test", "allowedBillingTermSchemes": ["RESIDENTIAL"],
                 "allowedProviders": ["NAGRA"], "allowedProducts": ["PLATINUM", "START-UP-FEE"]}""".formatted(type));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    @Test
    void aCustomerActivatesItsLoginAndReadsItsOwnAccountOnly() {
        String identity = "ID-" + UUID.randomUUID().toString().substring(0, 8);
        String mine = openAccount("Maria", identity);
        String theirs = openAccount("Andreas", "ID-" + UUID.randomUUID().toString().substring(0, 8));
        String mySubscription = subscribe(mine);
        String theirSubscription = subscribe(theirs);
        runBills();
        String myBill = firstBill(mine);
        String theirBill = firstBill(theirs);

        var invited = api.post("agent", "/api/accounts/" + mine + "/customer-login", null);
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        String token = invited.json().get("activationToken").asText();
        assertThat(invited.json().get("login").asText()).isEqualTo(mine);
        var activated = activate(token, PASSWORD);
        assertThat(activated.status()).as(activated.toString()).isEqualTo(200);

        // the token's hash only, and no secret in any event
        assertThat(jdbc.queryForList("select token_hash from customer_login_token where account_id = ?", mine))
                .isEmpty();
        assertThat(jdbc.queryForObject("select password_hash from customer_login where account_id = ?",
                String.class, mine)).startsWith("{bcrypt}").doesNotContain(PASSWORD);
        JsonNode history = AccountsIT.events(api.get("auditor", "/api/audit/accounts/" + mine + "/events").json());
        assertThat(history.toString()).contains("CustomerLoginInvited", "CustomerLoginActivated")
                .doesNotContain(token).doesNotContain(PASSWORD);
        assertThat(principalOf(history, "CustomerLoginInvited")).isEqualTo("agent");
        assertThat(principalOf(history, "CustomerLoginActivated")).isEqualTo("customer:" + mine);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where payload"
                + " like ? or meta_data like ?", Long.class, "%" + token + "%", "%" + token + "%")).isZero();

        // its own account, by account number and by identity number, once the read models have it
        awaitOwnAccount(mine, PASSWORD);
        Await.until("the customer's subscription", () -> customer(mine, PASSWORD, "/api/subscriptions/"
                + mySubscription), response -> response.status() == 200);
        for (String login : new String[]{mine, identity}) {
            var account = customer(login, PASSWORD, "/api/accounts/" + mine);
            assertThat(account.status()).as(account.toString()).isEqualTo(200);
            assertThat(account.json().get("accountId").asText()).isEqualTo(mine);
        }
        for (String path : new String[]{"/api/accounts/" + mine + "/statement", "/api/accounts/" + mine + "/bills",
                "/api/accounts/" + mine + "/subscriptions", "/api/customers/" + mine + "/overview",
                "/api/bills/" + myBill, "/api/subscriptions/" + mySubscription,
                "/api/subscriptions/" + mySubscription + "/services"}) {
            var read = customer(mine, PASSWORD, path);
            assertThat(read.status()).as(path + ": " + read).isEqualTo(200);
        }
        assertThat(customer(mine, PASSWORD, "/api/accounts/" + mine + "/subscriptions").body())
                .contains(mySubscription).doesNotContain(theirSubscription);

        // another customer's records are as missing as records that do not exist
        for (String path : new String[]{"/api/accounts/" + theirs, "/api/accounts/" + theirs + "/statement",
                "/api/accounts/" + theirs + "/bills", "/api/customers/" + theirs + "/overview",
                "/api/bills/" + theirBill, "/api/subscriptions/" + theirSubscription,
                "/api/subscriptions/" + theirSubscription + "/services", "/api/bills/" + UUID.randomUUID()}) {
            assertProblem(customer(mine, PASSWORD, path), 404, "NOT_FOUND", null);
        }
        // and everything else is refused
        for (String path : new String[]{"/api/accounts?status=UNSETTLED", "/api/audit/accounts/" + mine + "/events",
                "/api/catalog/price-plans", "/api/api-keys", "/api/attention"}) {
            assertProblem(customer(mine, PASSWORD, path), 403, "ACCESS_DENIED", null);
        }
        long before = eventCount(mine);
        var charge = customerSend(mine, PASSWORD, "POST", "/api/accounts/" + mine + "/payments",
                "{\"amount\": 1.00}");
        assertProblem(charge, 403, "ACCESS_DENIED", null);
        var invite = customerSend(mine, PASSWORD, "POST", "/api/accounts/" + mine + "/customer-login", null);
        assertProblem(invite, 403, "ACCESS_DENIED", null);
        assertProblem(customerSend(mine, PASSWORD, "POST", "/api/api-keys", "{\"name\": \"mine\"}"), 403,
                "ACCESS_DENIED", null);
        assertThat(recordedBy(charge, invite)).isZero();
        assertThat(eventCount(mine)).isEqualTo(before);

        assertProblem(customer(mine, "wrong password!", "/api/accounts/" + mine), 401, "UNAUTHENTICATED", null);
        assertProblem(customer(theirs, PASSWORD, "/api/accounts/" + theirs), 401, "UNAUTHENTICATED", null);
    }

    @Test
    void aUsedTokenIsRefusedAndRecordsNothing() {
        String account = openAccount("Eleni", null);
        String token = api.post("agent", "/api/accounts/" + account + "/customer-login", null).json()
                .get("activationToken").asText();
        assertThat(activate(token, PASSWORD).status()).isEqualTo(200);
        long before = eventCount(account);

        var again = assertProblem(activate(token, "another password"), 422, "ACTIVATION_TOKEN_INVALID", null);

        assertThat(recordedBy(again)).isZero();
        assertThat(eventCount(account)).isEqualTo(before);
        awaitOwnAccount(account, PASSWORD);
        assertProblem(customer(account, "another password", "/api/accounts/" + account), 401, "UNAUTHENTICATED",
                null);
    }

    @Test
    void aCustomerWhoSetsANewPasswordIsRefusedTheOldOneAtOnce() {
        String account = openAccount("Marios", null);
        String first = api.post("agent", "/api/accounts/" + account + "/customer-login", null).json()
                .get("activationToken").asText();
        assertThat(activate(first, PASSWORD).status()).isEqualTo(200);
        awaitOwnAccount(account, PASSWORD);

        String second = api.post("agent", "/api/accounts/" + account + "/customer-login", null).json()
                .get("activationToken").asText();
        assertThat(activate(second, "a brand new password").status()).isEqualTo(200);

        assertProblem(customer(account, PASSWORD, "/api/accounts/" + account), 401, "UNAUTHENTICATED", null);
        assertThat(customer(account, "a brand new password", "/api/accounts/" + account).status()).isEqualTo(200);
    }

    @Test
    void aNewTokenReplacesTheOldOne() {
        String account = openAccount("Nikos", null);
        String first = api.post("supervisor", "/api/accounts/" + account + "/customer-login", null).json()
                .get("activationToken").asText();
        String second = api.post("agent", "/api/accounts/" + account + "/customer-login", null).json()
                .get("activationToken").asText();
        assertThat(jdbc.queryForObject("select token_hash from customer_login_token where account_id = ?",
                String.class, account)).isEqualTo(sha256(second));

        var refused = assertProblem(activate(first, PASSWORD), 422, "ACTIVATION_TOKEN_INVALID", null);
        assertThat(recordedBy(refused)).isZero();
        assertThat(activate(second, PASSWORD).status()).isEqualTo(200);
        awaitOwnAccount(account, PASSWORD);
    }

    @Test
    void aBadPasswordOrTokenIsRefusedAsInputAndTheTokenStaysGood() {
        String account = openAccount("Sofia", null);
        String token = api.post("agent", "/api/accounts/" + account + "/customer-login", null).json()
                .get("activationToken").asText();
        long before = eventCount(account);

        var tooShort = assertProblem(activate(token, "short"), 400, "VALIDATION_FAILED", "password");
        var tooLong = assertProblem(activate(token, "x".repeat(129)), 400, "VALIDATION_FAILED", "password");
        var garbage = assertProblem(activate("not-a-token", PASSWORD), 422, "ACTIVATION_TOKEN_INVALID", null);
        var unknown = assertProblem(activate("A".repeat(43), PASSWORD), 422, "ACTIVATION_TOKEN_INVALID", null);

        assertThat(recordedBy(tooShort, tooLong, garbage, unknown)).isZero();
        assertThat(eventCount(account)).isEqualTo(before);
        assertThat(activate(token, PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void noOneButStaffIssuesATokenAndAnUnknownAccountHasNone() {
        String account = openAccount("Petros", null);
        assertProblem(api.post("reporter", "/api/accounts/" + account + "/customer-login", null), 403,
                "ACCESS_DENIED", null);
        assertProblem(api.post("auditor", "/api/accounts/" + account + "/customer-login", null), 403,
                "ACCESS_DENIED", null);
        assertProblem(api.send(null, "POST", "/api/accounts/" + account + "/customer-login", null, Map.of()), 401,
                "UNAUTHENTICATED", null);
        assertProblem(api.post("agent", "/api/accounts/" + UUID.randomUUID() + "/customer-login", null), 404,
                "ACCOUNT_NOT_FOUND", null);
        assertThat(jdbc.queryForList("select 1 from customer_login_token where account_id = ?", account)).isEmpty();
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private String openAccount(String firstName, String identityNumber) {
        var response = api.post("agent", "/api/accounts", """
                {"type":"PERSON","firstName":"%s","lastName":"Customer",%s"currency":"EUR","creditLimit":5000}"""
                .formatted(firstName, identityNumber == null ? "" : "\"identityNumber\":\"" + identityNumber + "\","));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("accountId").asText();
    }

    private String subscribe(String accountId) {
        var created = api.post("agent", "/api/subscriptions", """
                {"accountId":"%s","subscriptionTypeCode":"%s",
                 "billingTerms":{"scheme":"RESIDENTIAL","billingFrequency":"MONTHLY"},
                 "initialState":"EFFECTIVE","actionDate":"2026-01-01",
                 "distributors":[{"distributorId":"STB-1","providerCode":"NAGRA"}],
                 "services":[{"productCode":"PLATINUM","distributorIds":["STB-1"]}]}""".formatted(accountId, type));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("subscriptionId").asText();
    }

    private void runBills() {
        var started = api.post("billing", "/api/bill-runs", """
                {"billingDate":"2026-01-01","subscriptionTypeCode":"%s"}""".formatted(type));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String runId = started.json().get("runId").asText();
        Await.until("the bill run", () -> api.get("reporter", "/api/bill-runs/" + runId),
                response -> response.status() == 200 && response.json().get("status").asText().equals("COMPLETED"));
    }

    private String firstBill(String accountId) {
        return Await.until("a bill of " + accountId, () -> BillLists.withoutEventChargeBills(
                api.get("reporter", "/api/accounts/" + accountId
                        + "/bills").json()), json -> json.path("content").size() == 1)
                .get("content").get(0).get("billId").asText();
    }

    /** The customer reads its account once the read model has it (it is projected asynchronously). */
    private void awaitOwnAccount(String accountId, String password) {
        Await.until("the customer's own account", () -> customer(accountId, password, "/api/accounts/" + accountId),
                response -> response.status() == 200);
    }

    private static String principalOf(JsonNode history, String type) {
        for (JsonNode event : history) {
            if (event.get("type").asText().equals(type)) {
                return event.get("metadata").get("principal").asText();
            }
        }
        throw new AssertionError("no " + type + " in " + history);
    }

    private Api.Response activate(String token, String password) {
        return api.send(null, "POST", "/api/customer-login/activate",
                "{\"token\":\"%s\",\"password\":\"%s\"}".formatted(token, password), Map.of());
    }

    private Api.Response customer(String login, String password, String path) {
        return customerSend(login, password, "GET", path, null);
    }

    private Api.Response customerSend(String login, String password, String method, String path, String json) {
        return api.send(null, method, path, json, Map.of("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8))));
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
