package org.subledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Subscriptions end to end: the subscription actions over HTTP, the subscription read models, the customer overview,
 * the audit trail and past states rebuilt from the event store. Serial numbers are unique per run: the context (and
 * its database) is shared with the other ITs.
 */
class SubscriptionsIT extends LedgerIT {

    private String accountId;

    @BeforeEach
    void catalogAndAccount() {
        loadSampleCatalog();
        accountId = api.openAccount("Christina", "Demetriou", "500.00");
        Await.until("the account on the read side", () -> api.get("reporter", "/api/accounts/" + accountId),
                response -> response.status() == 200);
    }

    @Test
    void aShopSaleIsEffectiveAtOnceWithItsServiceAndDecoderOnTheReadSideAndInTheAuditTrail() {
        String serial = serial();
        var created = api.post("agent", "/api/subscriptions", """
                {"accountId":"%s","subscriptionTypeCode":"GOLD",
                 "billingTerms":{"scheme":"RESIDENTIAL","billingFrequency":"MONTHLY"},
                 "initialState":"EFFECTIVE","actionDate":"2026-02-01",
                 "distributors":[{"distributorId":"STB-1","providerCode":"NAGRA"}],
                 "services":[{"productCode":"GOLD","distributorIds":["STB-1"]}],
                 "installedItems":[{"serialNumber":"%s","productCode":"DECODER"}]}"""
                .formatted(accountId, serial));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("subscriptionId").asText();
        assertThat(created.header("Location")).isEqualTo("/api/subscriptions/" + id);

        JsonNode subscription = awaitSubscription(id, "EFFECTIVE");
        assertThat(subscription.get("accountId").asText()).isEqualTo(accountId);
        assertThat(subscription.get("subscriptionTypeCode").asText()).isEqualTo("GOLD");
        assertThat(subscription.get("createdOn").asText()).isEqualTo("2026-02-01");
        assertThat(subscription.get("activatedOn").asText()).isEqualTo("2026-02-01");
        assertThat(subscription.get("billingTerms").get("billingTermSchemeCode").asText()).isEqualTo("RESIDENTIAL");
        assertThat(subscription.get("billingTerms").get("pricePlanCode").asText()).isEqualTo("STANDARD");
        assertThat(subscription.get("billingTerms").get("billingFrequency").asText()).isEqualTo("MONTHLY");

        JsonNode services = Await.until("the GOLD service", () -> api.get("reporter",
                "/api/subscriptions/" + id + "/services"), response -> response.status() == 200
                && response.json().size() == 1).json();
        JsonNode gold = services.get(0);
        assertThat(gold.get("productCode").asText()).isEqualTo("GOLD");
        assertThat(gold.get("quantity").asInt()).isEqualTo(1);
        assertThat(gold.get("distributorIds").get(0).asText()).isEqualTo("STB-1");
        assertThat(gold.get("billingEffectiveDate").asText()).isEqualTo("2026-02-01");
        // provisioned asynchronously by the provisioning saga (ProvisioningIT): pending until the provider answers
        assertThat(gold.get("provisioningState").asText()).isIn("PENDING", "PROVISIONED");

        JsonNode item = Await.until("the decoder by serial", () -> api.get("reporter", "/api/installed-items/"
                + serial), response -> response.status() == 200).json();
        assertThat(item.get("productCode").asText()).isEqualTo("DECODER");
        assertThat(item.get("subscriptionId").asText()).isEqualTo(id);
        assertThat(item.get("accountId").asText()).isEqualTo(accountId);
        assertThat(item.get("installedOn").asText()).isEqualTo("2026-02-01");
        assertThat(item.get("removedOn").isNull()).isTrue();

        // the overview joins several read models, each kept by its own processor: wait until all of them show it
        JsonNode overview = Await.until("the overview with the subscription", () -> api.get("agent",
                "/api/customers/" + accountId + "/overview").json(), json -> json.path("subscriptions").size() == 1
                && json.path("subscriptions").get(0).path("installedItems").size() == 1
                && json.path("subscriptions").get(0).path("services").size() == 1);
        assertThat(overview.get("account").get("accountId").asText()).isEqualTo(accountId);
        assertThat(overview.get("subscriptions")).hasSize(1);
        JsonNode owned = overview.get("subscriptions").get(0);
        assertThat(owned.get("subscription").get("state").asText()).isEqualTo("EFFECTIVE");
        assertThat(owned.get("services").get(0).get("productCode").asText()).isEqualTo("GOLD");
        assertThat(owned.get("installedItems").get(0).get("serialNumber").asText()).isEqualTo(serial);
        assertThat(api.get("reporter", "/api/accounts/" + accountId + "/subscriptions").json()).hasSize(1);

        var trail = api.get("auditor", "/api/audit/subscriptions/" + id + "/events");
        assertThat(trail.status()).isEqualTo(200);
        JsonNode events = trail.json().get("events");
        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("type").asText()).isEqualTo("SubscriptionCreated");
        assertThat(events.get(0).get("payload").get("action").get("behaviourCode").asText())
                .isEqualTo("BECOME_SUBSCRIBER");
        assertThat(events.get(0).get("metadata").get("principal").asText()).isEqualTo("agent");
        assertThat(api.get("agent", "/api/audit/subscriptions/" + id + "/events").status()).isEqualTo(403);
    }

    @Test
    void aCallCentreDraftIsActivatedByTheInstallerAndBilledFromTheActivation() {
        String serial = serial();
        var created = api.post("agent", "/api/subscriptions", """
                {"accountId":"%s","subscriptionTypeCode":"GOLD",
                 "billingTerms":{"scheme":"RESIDENTIAL","billingFrequency":"MONTHLY"},
                 "initialState":"DRAFT","actionDate":"2026-03-01",
                 "services":[{"productCode":"GOLD"}]}""".formatted(accountId));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("subscriptionId").asText();
        assertThat(awaitSubscription(id, "DRAFT").get("activatedOn").isNull()).isTrue();

        assertThat(api.post("agent", "/api/subscriptions/" + id + "/installed-items", """
                {"serialNumber":"%s","productCode":"DECODER","actionDate":"2026-03-10"}""".formatted(serial))
                .status()).isEqualTo(200);
        assertThat(api.post("agent", "/api/subscriptions/" + id + "/distributors", """
                {"distributorId":"STB-9","providerCode":"NAGRA","services":["GOLD"],"actionDate":"2026-03-10"}""")
                .status()).isEqualTo(200);
        var activated = api.post("agent", "/api/subscriptions/" + id + "/activate", """
                {"actionDate":"2026-03-10","classification":{"businessClassificationCode":"INSTALLER"}}""");
        assertThat(activated.status()).as(activated.toString()).isEqualTo(200);
        assertThat(activated.json().get("action").asText()).isEqualTo("ACTIVATE");

        JsonNode subscription = awaitSubscription(id, "EFFECTIVE");
        assertThat(subscription.get("createdOn").asText()).isEqualTo("2026-03-01");
        assertThat(subscription.get("activatedOn").asText()).isEqualTo("2026-03-10");
        JsonNode gold = Await.until("GOLD billed from the activation", () -> api.get("reporter",
                        "/api/subscriptions/" + id + "/services").json(),
                services -> services.size() == 1
                        && services.get(0).get("billingEffectiveDate").asText().equals("2026-03-10")).get(0);
        assertThat(gold.get("effectiveDate").asText()).isEqualTo("2026-03-10");
        assertThat(gold.get("distributorIds").get(0).asText()).isEqualTo("STB-9");
        assertThat(gold.get("quantity").asInt()).isEqualTo(1);
        JsonNode item = Await.until("the decoder by serial", () -> api.get("reporter", "/api/installed-items/"
                + serial), response -> response.status() == 200).json();
        assertThat(item.get("installedOn").asText()).isEqualTo("2026-03-10");

        JsonNode events = api.get("auditor", "/api/audit/subscriptions/" + id + "/events").json().get("events");
        assertThat(events).extracting(event -> event.get("type").asText()).containsExactly("SubscriptionCreated",
                "InstalledItemAdded", "DistributorAdded", "SubscriptionActivated");
        assertThat(events.get(3).get("payload").get("action").get("businessClassificationCode").asText())
                .isEqualTo("INSTALLER");

        // (d) before its activation was recorded, it was a draft; and it did not exist before its creation
        String beforeActivation = events.get(2).get("timestamp").asText();
        JsonNode then = api.get("reporter", "/api/subscriptions/" + id + "?asOf=" + beforeActivation).json();
        assertThat(then.get("state").asText()).isEqualTo("DRAFT");
        assertThat(then.get("activatedOn").isNull()).isTrue();
        assertThat(then.get("version").asLong()).isZero();
        String afterActivation = events.get(3).get("timestamp").asText();
        assertThat(api.get("reporter", "/api/subscriptions/" + id + "?asOf=" + afterActivation).json()
                .get("state").asText()).isEqualTo("EFFECTIVE");
        String beforeCreation = java.time.Instant.parse(events.get(0).get("timestamp").asText()).minusSeconds(1)
                .toString();
        AccountsIT.assertProblem(api.get("reporter", "/api/subscriptions/" + id + "?asOf=" + beforeCreation), 404,
                "SUBSCRIPTION_NOT_YET_CREATED", "asOf");
    }

    @Test
    void refusedActionsAnswerWithTheirCodesAndRecordNothing() {
        String createKey = "create-" + UUID.randomUUID();
        var created = api.post("agent", "/api/subscriptions", """
                {"accountId":"%s","subscriptionTypeCode":"GOLD",
                 "billingTerms":{"scheme":"RESIDENTIAL","billingFrequency":"MONTHLY"},
                 "initialState":"EFFECTIVE",
                 "distributors":[{"distributorId":"STB-1","providerCode":"NAGRA"}],
                 "services":[{"productCode":"GOLD","distributorIds":["STB-1"]}]}""".formatted(accountId),
                Map.of("Idempotency-Key", createKey));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("subscriptionId").asText();
        assertThat(id).isEqualTo(subscriptionIdFor("agent", createKey));
        String key = "no-account-" + UUID.randomUUID();
        String refusedId = subscriptionIdFor("agent", key);
        String unknownId = UUID.randomUUID().toString();

        AccountsIT.assertProblem(api.post("agent", "/api/subscriptions", """
                {"accountId":"no-such-account","subscriptionTypeCode":"GOLD",
                 "billingTerms":{"scheme":"RESIDENTIAL","billingFrequency":"MONTHLY"},"initialState":"DRAFT"}""",
                Map.of("Idempotency-Key", key)), 404, "ACCOUNT_NOT_FOUND", "accountId");
        AccountsIT.assertProblem(api.post("agent", "/api/subscriptions/" + id + "/services", """
                {"productCode":"BRAVEHEART","distributorIds":["STB-1"]}"""), 422, "CATALOG_RULE_VIOLATED",
                "productCode");
        AccountsIT.assertProblem(api.post("agent", "/api/subscriptions/" + id + "/activate", "{}"), 409,
                "SUBSCRIPTION_STATE_INVALID", null);
        AccountsIT.assertProblem(api.post("agent", "/api/subscriptions/" + unknownId + "/activate", null),
                404, "SUBSCRIPTION_NOT_FOUND", null);
        AccountsIT.assertProblem(api.post("agent", "/api/subscriptions/" + id + "/deactivate", null), 403,
                "ACCESS_DENIED", null);
        AccountsIT.assertProblem(api.post("agent", "/api/subscriptions", """
                {"accountId":"%s","subscriptionTypeCode":"GOLD","executeOn":"2999-01-01",
                 "billingTerms":{"scheme":"RESIDENTIAL","billingFrequency":"MONTHLY"},"initialState":"DRAFT"}"""
                .formatted(accountId)), 422, "SCHEDULED_ACTIONS_UNAVAILABLE", "executeOn");
        AccountsIT.assertProblem(api.post("agent", "/api/subscriptions", """
                {"accountId":"%s","subscriptionTypeCode":"GOLD","initialState":"DRAFT"}""".formatted(accountId)),
                400, "VALIDATION_FAILED", "billingTerms");

        // (other processes, e.g. charging, may record events of their own meanwhile: count per aggregate)
        assertThat(eventCount(id)).isEqualTo(1);
        assertThat(eventCount(refusedId)).isZero();
        assertThat(eventCount(unknownId)).isZero();
    }

    @Test
    void laterActionsKeepTheReadSideInStep() {
        String first = serial();
        String second = serial();
        var created = api.post("agent", "/api/subscriptions", """
                {"accountId":"%s","subscriptionTypeCode":"GOLD",
                 "billingTerms":{"scheme":"RESIDENTIAL","billingFrequency":"MONTHLY"},
                 "initialState":"EFFECTIVE","actionDate":"2026-01-01",
                 "distributors":[{"distributorId":"STB-1","providerCode":"NAGRA"}],
                 "services":[{"productCode":"GOLD","distributorIds":["STB-1"]}],
                 "installedItems":[{"serialNumber":"%s","productCode":"DECODER"}]}"""
                .formatted(accountId, first));
        String id = created.json().get("subscriptionId").asText();
        String path = "/api/subscriptions/" + id;
        assertThat(api.post("agent", path + "/services", """
                {"productCode":"EUROSPORT-1","distributorIds":["STB-1"],"actionDate":"2026-01-05"}""").status())
                .isEqualTo(200);
        assertThat(api.post("agent", path + "/services/GOLD/swap", """
                {"productCode":"PLATINUM","actionDate":"2026-01-06"}""").status()).isEqualTo(200);
        assertThat(api.post("agent", path + "/installed-items/" + first + "/swap", """
                {"serialNumber":"%s","productCode":"DECODER","actionDate":"2026-01-07"}""".formatted(second))
                .status()).isEqualTo(200);
        assertThat(api.post("agent", path + "/services/EUROSPORT-1/remove", null).status()).isEqualTo(200);
        assertThat(api.post("billing", path + "/deactivate", "{\"actionDate\":\"2026-01-08\"}").status())
                .isEqualTo(200);

        awaitSubscription(id, "DEACTIVATED");
        JsonNode services = Await.until("PLATINUM only", () -> api.get("reporter", path + "/services").json(),
                found -> found.size() == 1 && found.get(0).get("productCode").asText().equals("PLATINUM"));
        assertThat(services.get(0).get("distributorIds").get(0).asText()).isEqualTo("STB-1");
        JsonNode swappedOut = Await.until("the first decoder taken off", () -> api.get("reporter",
                "/api/installed-items/" + first).json(), item -> item.hasNonNull("removedOn"));
        assertThat(swappedOut.get("removedOn").asText()).isEqualTo("2026-01-07");
        assertThat(api.get("reporter", "/api/installed-items/" + second).json().get("installedOn").asText())
                .isEqualTo("2026-01-07");
    }

    private JsonNode awaitSubscription(String id, String state) {
        return Await.until("subscription " + id + " " + state, () -> api.get("reporter", "/api/subscriptions/" + id),
                response -> response.status() == 200 && response.json().get("state").asText().equals(state)).json();
    }

    /** With an Idempotency-Key the subscription id is derived from the principal, the key and the purpose. */
    private static String subscriptionIdFor(String user, String idempotencyKey) {
        return UUID.nameUUIDFromBytes((user + "\u0000" + idempotencyKey + "\u0000subscription")
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String serial() {
        return "SN-" + UUID.randomUUID();
    }
}
