package org.subledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.subledger.platform.webhook.WebhookSignature;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.app.AccountsIT.assertProblem;

/**
 * Webhooks (issue 16): an operator registers an endpoint for event types; each such event stored afterwards is POSTed
 * to it, signed with the endpoint's secret, retried with back-off while the receiver fails, recorded attempt by
 * attempt, and handed to the operator when it runs out of attempts. The receiver here is a local HTTP server whose
 * paths answer as told; other tests' events reach it too, so every assertion picks this test's account.
 */
class WebhooksIT extends LedgerIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Received(String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError(body, e);
            }
        }
    }

    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    /** Per path: how many more requests answer 500 before it answers 200. */
    private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            received.add(new Received(path, Map.copyOf(exchange.getRequestHeaders()), body));
            AtomicInteger left = failuresLeft.get(path);
            int status = left != null && left.getAndDecrement() > 0 ? 500 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    private JsonNode register(String path, String... types) {
        var response = api.post("admin", "/api/admin/webhooks/endpoints", """
                {"url": "%s", "eventTypes": [%s], "description": "test receiver"}"""
                .formatted(url(path), String.join(",", java.util.Arrays.stream(types).map(t -> "\"" + t + "\"").toList())));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    private String paidAccount(String amount) {
        String account = api.openAccount("Hook", "Receiver", "500.00");
        var paid = api.post("agent", "/api/accounts/" + account + "/payments", "{\"amount\": " + amount + "}");
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        return account;
    }

    private Received awaitDelivery(String path, String account, String type) {
        return Await.until(type + " of " + account + " at " + path, () -> received.stream()
                .filter(r -> r.path().equals(path) && r.json().path("type").asText().equals(type)
                        && r.json().path("data").path("accountId").asText().equals(account))
                .toList(), list -> !list.isEmpty()).get(0);
    }

    private JsonNode deliveryOf(JsonNode endpoint, String account, String state) {
        return Await.until("a " + state + " delivery for " + account, () -> {
            JsonNode list = api.get("admin", "/api/admin/webhooks/endpoints/" + endpoint.get("id").asText()
                    + "/deliveries?size=500").json().get("deliveries");
            for (JsonNode delivery : list) {
                JsonNode detail = api.get("admin", "/api/admin/webhooks/deliveries/" + delivery.get("id").asText())
                        .json();
                if (detail.path("delivery").path("state").asText().equals(state)
                        && jdbc.queryForObject("select body from webhook_delivery where id = ?", String.class,
                        delivery.get("id").asLong()).contains(account)) {
                    return detail;
                }
            }
            return null;
        }, detail -> detail != null);
    }

    @Test
    void aPaymentIsPostedToTheEndpointSignedWithItsSecret() {
        JsonNode endpoint = register("/payments", "PaymentRecorded");
        String secret = endpoint.get("secret").asText();
        assertThat(secret).startsWith("whsec_");
        String account = paidAccount("25.00");

        Received delivery = awaitDelivery("/payments", account, "PaymentRecorded");
        assertThat(WebhookSignature.verify(secret, delivery.header("Ledger-Signature"), delivery.body())).isTrue();
        assertThat(WebhookSignature.verify(secret, delivery.header("Ledger-Signature"),
                delivery.body().replace("25", "26"))).as("a changed body fails the signature").isFalse();
        assertThat(delivery.header("Ledger-Event-Type")).isEqualTo("PaymentRecorded");
        assertThat(delivery.header("Content-Type")).startsWith("application/json");
        JsonNode body = delivery.json();
        assertThat(body.get("id").asText()).isEqualTo(delivery.header("Ledger-Event-Id"));
        assertThat(body.get("aggregateId").asText()).isEqualTo(account);
        assertThat(body.get("principal").asText()).isEqualTo("agent");
        assertThat(new java.math.BigDecimal(body.get("data").get("amount").get("amount").asText()))
                .isEqualByComparingTo("25.00");

        JsonNode detail = deliveryOf(endpoint, account, "DELIVERED");
        assertThat(detail.get("attempts")).hasSize(1);
        assertThat(detail.get("attempts").get(0).get("status").asInt()).isEqualTo(200);
        // the list never shows the secret again
        assertThat(api.get("admin", "/api/admin/webhooks/endpoints").body()).doesNotContain(secret);
    }

    @Test
    void aFailingReceiverIsRetriedWithBackOffAndEveryAttemptIsRecorded() {
        failuresLeft.put("/flaky", new AtomicInteger(2));
        JsonNode endpoint = register("/flaky", "AccountOpened");
        String account = api.openAccount("Flaky", "Receiver", "100.00");

        JsonNode detail = deliveryOf(endpoint, account, "DELIVERED");
        assertThat(detail.get("delivery").get("attempts").asInt()).isEqualTo(3);
        assertThat(detail.get("attempts").findValuesAsText("status")).containsExactly("500", "500", "200");
        assertThat(received.stream().filter(r -> r.path().equals("/flaky")
                && r.body().contains(account)).map(r -> r.header("Ledger-Delivery-Id")).distinct().count())
                .as("three attempts of one delivery").isEqualTo(1);
    }

    @Test
    void aDeliveryOutOfAttemptsWaitsForTheOperatorWhoRetriesIt() {
        failuresLeft.put("/down", new AtomicInteger(3));
        JsonNode endpoint = register("/down", "PaymentRecorded");
        String account = paidAccount("7.00");

        JsonNode failed = deliveryOf(endpoint, account, "FAILED");
        assertThat(failed.get("attempts")).hasSize(3);
        assertThat(failed.get("delivery").get("lastError").asText()).isEqualTo("HTTP 500");
        long id = failed.get("delivery").get("id").asLong();

        var retried = api.post("admin", "/api/admin/webhooks/deliveries/" + id + "/retry", "{}");
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        JsonNode delivered = Await.until("the retried delivery", () -> api.get("admin",
                "/api/admin/webhooks/deliveries/" + id).json(),
                d -> d.path("delivery").path("state").asText().equals("DELIVERED"));
        assertThat(delivered.get("attempts")).hasSize(4);
        assertProblem(api.post("admin", "/api/admin/webhooks/deliveries/" + id + "/retry", "{}"), 409,
                "WEBHOOK_DELIVERY_NOT_FAILED", null);
    }

    @Test
    void aDisabledEndpointGetsNothingMore() {
        JsonNode kept = register("/kept", "PaymentRecorded");
        JsonNode dropped = register("/dropped", "PaymentRecorded");
        var disabled = api.send("admin", "DELETE", "/api/admin/webhooks/endpoints/" + dropped.get("id").asText(),
                null, Map.of());
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
        assertThat(disabled.json().get("active").asBoolean()).isFalse();
        // every event committed after this read was stored after the endpoint was disabled
        long lastBeforeDisabled = jdbc.queryForObject("select coalesce(max(global_index), 0) from domain_event_entry",
                Long.class);
        String account = paidAccount("3.00");

        // the same event reached the kept endpoint, so the enqueuer has passed it: the dropped one has no delivery of
        // it, nor of any other event stored after it was disabled (other tests' events stored while it was active
        // may have reached it: that is what registering it asked for)
        awaitDelivery("/kept", account, "PaymentRecorded");
        deliveryOf(kept, account, "DELIVERED");
        assertThat(jdbc.queryForList("""
                select d.event_id from webhook_delivery d join domain_event_entry e on e.event_identifier = d.event_id
                where d.endpoint_id = ?::uuid and (e.global_index > ? or d.body like ?)""", String.class,
                dropped.get("id").asText(), lastBeforeDisabled, "%" + account + "%")).isEmpty();
    }

    @Test
    void registrationsAreForAdministratorsAndRefuseWhatCannotBeDelivered() {
        String good = "{\"url\": \"" + url("/x") + "\", \"eventTypes\": [\"PaymentRecorded\"]}";
        assertThat(api.post("agent", "/api/admin/webhooks/endpoints", good).status()).isEqualTo(403);
        assertThat(api.get("reporter", "/api/admin/webhooks/endpoints").status()).isEqualTo(403);
        long before = jdbc.queryForObject("select count(*) from webhook_endpoint", Long.class);

        assertProblem(api.post("admin", "/api/admin/webhooks/endpoints",
                "{\"url\": \"" + url("/x") + "\", \"eventTypes\": [\"PaymentMade\"]}"), 400, "VALIDATION_FAILED",
                "eventTypes");
        assertProblem(api.post("admin", "/api/admin/webhooks/endpoints",
                "{\"url\": \"ftp://example.org/x\", \"eventTypes\": [\"PaymentRecorded\"]}"), 400,
                "VALIDATION_FAILED", "url");
        assertProblem(api.post("admin", "/api/admin/webhooks/endpoints",
                "{\"url\": \"/relative\", \"eventTypes\": [\"PaymentRecorded\"]}"), 400, "VALIDATION_FAILED", "url");
        assertProblem(api.post("admin", "/api/admin/webhooks/endpoints",
                "{\"url\": \"" + url("/x") + "\", \"eventTypes\": []}"), 400, "VALIDATION_FAILED", "eventTypes");
        assertThat(jdbc.queryForObject("select count(*) from webhook_endpoint", Long.class)).isEqualTo(before);

        assertProblem(api.get("admin", "/api/admin/webhooks/endpoints/" + java.util.UUID.randomUUID()), 404,
                "WEBHOOK_ENDPOINT_NOT_FOUND", null);
        assertProblem(api.get("admin", "/api/admin/webhooks/deliveries/999999999"), 404,
                "WEBHOOK_DELIVERY_NOT_FOUND", null);
        assertThat(api.get("admin", "/api/admin/webhooks/event-types").json().get("eventTypes").toString())
                .contains("\"BillIssued\"", "\"PaymentRecorded\"", "\"SubscriptionDeactivated\"",
                        "\"ProvisioningFailed\"");
    }
}
