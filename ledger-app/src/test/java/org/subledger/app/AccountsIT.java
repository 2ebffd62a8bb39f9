package org.subledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.subledger.platform.axon.CountingRetryScheduler;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Accounts receivable end to end: HTTP commands, PostgreSQL event store, projections, query and audit APIs. */
class AccountsIT extends LedgerIT {

    @Autowired
    MeterRegistry meters;

    static BigDecimal decimal(JsonNode node) {
        return new BigDecimal(node.asText());
    }

    JsonNode awaitBalance(String accountId, String expected) {
        return Await.until("balance " + expected + " of " + accountId,
                () -> api.get("reporter", "/api/accounts/" + accountId),
                response -> response.status() == 200
                        && Amounts.of(response.json().get("balance")).compareTo(new BigDecimal(expected)) == 0)
                .json();
    }

    @Test
    void chargeThenPaymentLeavesTheBalanceOwedWithAStatementAndAnAuditTrail() {
        String id = api.openAccount("Maria", "Georgiou", "100.00");
        assertThat(api.post("agent", "/api/accounts/" + id + "/charges",
                "{\"amount\": 30.00, \"description\": \"Gold package\"}").status()).isEqualTo(201);
        assertThat(api.post("agent", "/api/accounts/" + id + "/payments",
                "{\"amount\": 10.00, \"reference\": \"card 4242\"}").status()).isEqualTo(201);

        JsonNode account = awaitBalance(id, "20.00");
        assertThat(account.get("accountId").asText()).isEqualTo(id);
        assertThat(account.get("type").asText()).isEqualTo("PERSON");
        assertThat(account.get("name").asText()).isEqualTo("Maria Georgiou");
        assertThat(account.get("currency").asText()).isEqualTo("EUR");
        assertThat(Amounts.of(account.get("creditLimit"))).isEqualByComparingTo("100.00");
        assertThat(account.get("status").asText()).isEqualTo("UNSETTLED");

        JsonNode statement = Await.until("two statement lines",
                () -> api.get("reporter", "/api/accounts/" + id + "/statement").json(),
                page -> page.get("content").size() == 2);
        assertThat(Amounts.of(statement.get("content").get(0).get("runningBalance"))).isEqualByComparingTo("30.00");
        assertThat(Amounts.of(statement.get("content").get(1).get("runningBalance"))).isEqualByComparingTo("20.00");

        var history = api.get("auditor", "/api/audit/accounts/" + id + "/events");
        assertThat(history.status()).isEqualTo(200);
        JsonNode events = events(history.json());
        assertThat(events).hasSize(4);
        assertThat(events.get(0).get("type").asText()).isEqualTo("AccountOpened");
        assertThat(events.get(1).get("type").asText()).isEqualTo("ChargePosted");
        assertThat(events.get(2).get("type").asText()).isEqualTo("PaymentRecorded");
        // the payment settled 10.00 of the charge, in the payment's unit of work
        assertThat(events.get(3).get("type").asText()).isEqualTo("ReceivableAllocated");
        assertThat(decimal(events.get(3).get("payload").get("openAfter").get("amount"))).isEqualByComparingTo("20.00");
        for (JsonNode event : events) {
            JsonNode metadata = event.get("metadata");
            assertThat(metadata.get("principal").asText()).isEqualTo("agent");
            assertThat(metadata.get("correlationId").asText()).isNotBlank();
            assertThat(metadata.get("causationId").asText()).isNotBlank();
            assertThat(event.get("timestamp").asText()).isNotBlank();
        }
        assertThat(events.get(1).get("sequenceNumber").asLong()).isEqualTo(1);
        assertThat(decimal(events.get(1).get("payload").get("amount").get("amount"))).isEqualByComparingTo("30.00");
    }

    @Test
    void anAccountPastTheSnapshotThresholdIsSnapshottedWithItsPostingIdsKeptApart() {
        String id = api.openAccount("Eleni", "Snapshot", "1000.00");
        for (int i = 0; i < 105; i++) {
            assertThat(api.post("agent", "/api/accounts/" + id + "/charges", "{\"amount\": 1.00}").status())
                    .isEqualTo(201);
        }
        long snapshotAt = Await.until("a snapshot of the account", () -> jdbc.queryForObject(
                "select coalesce(max(sequence_number), -1) from snapshot_event_entry where aggregate_identifier = ?",
                Long.class, id), sequence -> sequence >= 0);
        // the revision the aggregate declares: a snapshot of another revision would be skipped on load
        assertThat(jdbc.queryForMap("select payload_type, payload_revision from snapshot_event_entry"
                + " where aggregate_identifier = ? and sequence_number = ?", id, snapshotAt))
                .containsEntry("payload_type", "org.subledger.command.account.Account")
                .containsEntry("payload_revision", "2");
        // the snapshot holds the state (the open items among it), not every posting id: those are rows, one per posting
        assertThat(jdbc.queryForObject("select payload from snapshot_event_entry where aggregate_identifier = ?"
                + " and sequence_number = ?", String.class, id, snapshotAt)).doesNotContain("posting");
        assertThat(jdbc.queryForObject("select count(*) from account_posting_id where account_id = ?", Long.class,
                id)).isEqualTo(105);

        assertThat(api.post("agent", "/api/accounts/" + id + "/charges", "{\"amount\": 1.00}").status())
                .isEqualTo(201);
        awaitBalance(id, "106.00");
    }

    @Test
    void theSameRequestRepeatedWithItsIdempotencyKeyRecordsOneEvent() {
        String id = api.openAccount("Andreas", "Christou", "50");
        var headers = Map.of("Idempotency-Key", "charge-" + id, "X-Correlation-Id", "corr-" + id);
        var first = api.post("agent", "/api/accounts/" + id + "/charges", "{\"amount\": 12.00}", headers);
        var repeat = api.post("agent", "/api/accounts/" + id + "/charges", "{\"amount\": 12.00}", headers);

        assertThat(first.status()).isEqualTo(201);
        assertThat(repeat.status()).isEqualTo(201);
        assertThat(repeat.body()).isEqualTo(first.body());
        assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(eventCount(id)).isEqualTo(2);

        var reused = api.post("agent", "/api/accounts/" + id + "/charges", "{\"amount\": 99.00}", headers);
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.json().get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(eventCount(id)).isEqualTo(2);

        JsonNode charge = events(api.get("auditor", "/api/audit/accounts/" + id + "/events").json()).get(1);
        assertThat(charge.get("metadata").get("idempotencyKey").asText()).isEqualTo("charge-" + id);
        assertThat(charge.get("metadata").get("clientReference").asText()).isEqualTo("corr-" + id);
        assertThat(charge.get("metadata").get("correlationId").asText()).isNotEqualTo("corr-" + id);
    }

    @Test
    void malformedInputIsRefusedWithAProblemAndRecordsNothing() {
        String id = api.openAccount("Eleni", "Pavlou", "50");
        long before = eventCount(id); // an account without subscriptions: no saga writes to it

        var refusals = List.of(
                assertProblem(api.post("agent", "/api/accounts/" + id + "/charges", "{\"amount\": -5.00}"),
                        400, "VALIDATION_FAILED", "amount"),
                assertProblem(api.post("agent", "/api/accounts", """
                {"type":"PERSON","firstName":"Nikos","lastName":"Ioannou","currency":"EUX","creditLimit":10}"""),
                        400, "VALIDATION_FAILED", "currency"),
                assertProblem(api.post("agent", "/api/accounts", """
                        {"type":"PERSON","firstName":"Nikos","currency":"EUR","creditLimit":10}"""),
                        400, "VALIDATION_FAILED", "lastName"),
                assertProblem(api.post("agent", "/api/accounts/" + id + "/payments", "{\"amount\": 5.0"),
                        400, "MALFORMED_REQUEST", null),
                assertProblem(api.post("agent", "/api/accounts/" + id + "/payments", "{\"amount\": \"five\"}"),
                        400, "VALIDATION_FAILED", "amount"),
                assertProblem(api.post("agent", "/api/accounts/" + id + "/charges", "{\"amount\": 1.001}"),
                        400, "VALIDATION_FAILED", "amount"));

        assertThat(recordedBy(refusals.toArray(Api.Response[]::new))).isZero();
        assertThat(eventCount(id)).isEqualTo(before);
    }

    @Test
    void anAuditorCannotIssueCommands() {
        String id = api.openAccount("Sofia", "Loizou", "50");
        long before = eventCount(id); // an account without subscriptions: no saga writes to it

        var charge = assertProblem(api.post("auditor", "/api/accounts/" + id + "/charges", "{\"amount\": 5.00}"),
                403, "ACCESS_DENIED", null);
        var payment = assertProblem(api.post("reporter", "/api/accounts/" + id + "/payments",
                "{\"amount\": 5.00}"), 403, "ACCESS_DENIED", null);
        assertThat(api.get("auditor", "/api/audit/accounts/" + id + "/events").status()).isEqualTo(200);
        assertThat(api.get("agent", "/api/audit/accounts/" + id + "/events").status()).isEqualTo(403);
        assertThat(api.get(null, "/api/accounts/" + id).status()).isEqualTo(401);
        assertThat(recordedBy(charge, payment)).isZero();
        assertThat(eventCount(id)).isEqualTo(before);
    }

    @Test
    void businessRefusalsCarryTheirCodesAndAreNeverRetried() {
        String id = api.openAccount("Kostas", "Michael", "50");
        api.post("agent", "/api/accounts/" + id + "/charges", "{\"amount\": 5.00}");
        double retriesBefore = meters.counter(CountingRetryScheduler.METRIC).count();

        assertProblem(api.post("agent", "/api/accounts/unknown-account/charges", "{\"amount\": 5.00}"),
                404, "ACCOUNT_NOT_FOUND", null);
        assertProblem(api.post("supervisor", "/api/accounts/" + id + "/close", "{}"),
                422, "ACCOUNT_BALANCE_NOT_ZERO", null);
        assertProblem(api.post("agent", "/api/accounts/" + id + "/charges", "{\"amount\": 5.00, \"currency\": \"USD\"}"),
                400, "CURRENCY_MISMATCH", "currency");
        assertProblem(api.get("reporter", "/api/accounts/unknown-account"), 404, "ACCOUNT_NOT_FOUND", null);
        assertThat(meters.counter(CountingRetryScheduler.METRIC).count()).isEqualTo(retriesBefore);
    }

    @Test
    void aSettledAccountCanBeClosedAndThenTakesNoPostings() {
        String id = api.openAccount("Georgia", "Nicolaou", "50");
        api.post("agent", "/api/accounts/" + id + "/charges", "{\"amount\": 15.00}");
        api.post("agent", "/api/accounts/" + id + "/payments", "{\"amount\": 15.00}");
        assertThat(api.post("supervisor", "/api/accounts/" + id + "/close", "{\"reason\": \"moved abroad\"}")
                .status()).isEqualTo(200);

        assertProblem(api.post("agent", "/api/accounts/" + id + "/charges", "{\"amount\": 1.00}"),
                409, "ACCOUNT_CLOSED", null);
        JsonNode account = Await.until("closed account", () -> api.get("reporter", "/api/accounts/" + id),
                response -> response.status() == 200 && response.json().get("closed").asBoolean()).json();
        assertThat(account.get("status").asText()).isEqualTo("SETTLED");
    }

    @Test
    void creditLimitRatingAndClassificationCanBeChangedBySupervisors() {
        String id = api.openAccount("Petros", "Antoniou", "50");
        assertThat(api.put("supervisor", "/api/accounts/" + id + "/credit-limit", "{\"creditLimit\": 75.00}")
                .status()).isEqualTo(200);
        assertThat(api.put("supervisor", "/api/accounts/" + id + "/classification", "{\"classification\": \"VIP\"}")
                .status()).isEqualTo(200);
        assertThat(api.put("supervisor", "/api/accounts/" + id + "/credit-rating", "{\"creditRating\": \"CAA\"}")
                .status()).isEqualTo(200);
        assertProblem(api.put("agent", "/api/accounts/" + id + "/credit-limit", "{\"creditLimit\": 1000.00}"),
                403, "ACCESS_DENIED", null);

        JsonNode account = Await.until("new terms", () -> api.get("reporter", "/api/accounts/" + id),
                response -> response.status() == 200
                        && "VIP".equals(response.json().path("classification").asText())
                        && "CAA".equals(response.json().path("creditRating").asText())).json();
        assertThat(Amounts.of(account.get("creditLimit"))).isEqualByComparingTo("75.00");
    }

    @Test
    void anAccountAsItStoodAtAnInstantIsRebuiltFromTheEventStore() {
        String id = api.openAccount("Ioanna", "Demetriou", "50");
        api.post("agent", "/api/accounts/" + id + "/charges", "{\"amount\": 30.00}");
        api.post("agent", "/api/accounts/" + id + "/payments", "{\"amount\": 10.00}");
        awaitBalance(id, "20.00");
        // "as of" includes the events recorded at that instant: the charge's own timestamp is after it, not the payment
        JsonNode recorded = events(api.get("auditor", "/api/audit/accounts/" + id + "/events").json());
        Instant between = Instant.parse(recorded.get(1).get("timestamp").asText());
        assertThat(Instant.parse(recorded.get(2).get("timestamp").asText())).isAfter(between);

        var then = api.get("auditor", "/api/accounts/" + id + "?asOf=" + between);
        assertThat(then.status()).isEqualTo(200);
        assertThat(Amounts.of(then.json().get("balance"))).isEqualByComparingTo("30.00");
        assertThat(then.json().get("status").asText()).isEqualTo("UNSETTLED");
        // before it was opened: its own code, which an unknown account never gets
        assertProblem(api.get("auditor", "/api/accounts/" + id + "?asOf=2000-01-01T00:00:00Z"), 404,
                "ACCOUNT_NOT_YET_OPENED", "asOf");
        assertProblem(api.get("auditor", "/api/accounts/" + UUID.randomUUID() + "?asOf=2000-01-01T00:00:00Z"), 404,
                "ACCOUNT_NOT_FOUND", null);
        assertProblem(api.get("auditor", "/api/accounts/" + id + "?asOf=yesterday"), 400, "VALIDATION_FAILED", null);
    }

    @Test
    void unsettledAccountsCanBeListed() {
        String owing = api.openAccount("Owing", "Customer", "50");
        String settled = api.openAccount("Settled", "Customer", "50");
        api.post("agent", "/api/accounts/" + owing + "/charges", "{\"amount\": 9.00}");
        awaitBalance(owing, "9.00");
        awaitBalance(settled, "0.00");

        JsonNode page = api.get("reporter", "/api/accounts?status=UNSETTLED&size=500").json();
        assertThat(page.get("content").findValuesAsText("accountId")).contains(owing).doesNotContain(settled);
        assertThat(page.get("totalElements").asLong()).isGreaterThanOrEqualTo(1);
    }

    static JsonNode events(JsonNode history) {
        return history.isArray() ? history : history.get("events");
    }

    static Api.Response assertProblem(Api.Response response, int status, String code, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).isEqualTo(code);
        if (field != null) {
            assertThat(response.json().get("fields").has(field)).as(response.toString()).isTrue();
        }
        return response;
    }
}
