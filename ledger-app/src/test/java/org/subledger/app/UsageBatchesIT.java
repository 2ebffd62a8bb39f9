package org.subledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.ConnectionCallback;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mediation batch over several subscriptions: each subscription's records are one command, each record has its
 * own outcome. A duplicate (seen before, or twice in the batch) is recorded once; a record used before its related
 * service was effective (U3) is refused alone while its subscription's other records are recorded; an unknown
 * subscription refuses its records only; the same batch sent again records nothing more.
 */
class UsageBatchesIT extends LedgerIT {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    @BeforeEach
    void sampleCatalog() {
        loadSampleCatalog();
    }

    @Test
    void aBatchOverSeveralSubscriptionsReportsEachRecordAndRecordsEachAcceptedOneOnce() {
        String first = subscribe();
        String second = subscribeInTheOtherPartitionThan(first);
        String unknown = UUID.randomUUID().toString();
        String tag = UUID.randomUUID().toString();
        String seenBefore = "A-" + tag;
        var single = api.post("billing", "/api/subscriptions/" + first + "/usage", """
                {"recordId":"%s","productCode":"BRAVEHEART","usedAt":"2026-03-20T21:30:00"}""".formatted(seenBefore));
        assertThat(single.status()).as(single.toString()).isEqualTo(201);

        String batch = """
                {"records":[
                  {"subscriptionId":"%1$s","recordId":"A-%3$s","productCode":"BRAVEHEART","usedAt":"2026-03-20T21:30:00"},
                  {"subscriptionId":"%1$s","recordId":"B-%3$s","productCode":"SERENDIPITY","usedAt":"2026-03-21T02:15:00"},
                  {"subscriptionId":"%2$s","recordId":"C-%3$s","productCode":"BRAVEHEART","usedAt":"2026-03-22T21:30:00"},
                  {"subscriptionId":"%1$s","recordId":"B-%3$s","productCode":"SERENDIPITY","usedAt":"2026-03-21T02:15:00"},
                  {"subscriptionId":"%2$s","recordId":"D-%3$s","productCode":"BRAVEHEART","usedAt":"2026-01-15T21:30:00"},
                  {"subscriptionId":"%4$s","recordId":"E-%3$s","productCode":"BRAVEHEART","usedAt":"2026-03-22T21:30:00"}
                ]}""".formatted(first, second, tag, unknown);
        var posted = api.post("billing", "/api/usage/batches", batch);
        assertThat(posted.status()).as(posted.toString()).isEqualTo(200);
        JsonNode outcome = posted.json();
        assertThat(outcome.get("accepted").asInt()).isEqualTo(2);
        assertThat(outcome.get("duplicates").asInt()).isEqualTo(2);
        assertThat(outcome.get("refused").asInt()).isEqualTo(2);

        JsonNode firstOutcome = outcome.get("subscriptions").get(0);
        assertThat(firstOutcome.get("subscriptionId").asText()).isEqualTo(first);
        assertThat(texts(firstOutcome.get("acceptedRecordIds"))).containsExactly("B-" + tag);
        assertThat(texts(firstOutcome.get("duplicateRecordIds"))).containsExactly("A-" + tag, "B-" + tag);

        JsonNode secondOutcome = outcome.get("subscriptions").get(1);
        assertThat(secondOutcome.get("status").asText()).isEqualTo("RECORDED");
        assertThat(texts(secondOutcome.get("acceptedRecordIds"))).containsExactly("C-" + tag);
        JsonNode refusedRecord = secondOutcome.get("refusedRecords").get(0);
        assertThat(refusedRecord.get("recordId").asText()).isEqualTo("D-" + tag);
        assertThat(refusedRecord.get("problem").get("code").asText()).isEqualTo("RELATED_SERVICE_NOT_EFFECTIVE");
        assertThat(refusedRecord.get("problem").get("status").asInt()).isEqualTo(422);

        JsonNode unknownOutcome = outcome.get("subscriptions").get(2);
        assertThat(unknownOutcome.get("status").asText()).isEqualTo("REFUSED");
        assertThat(unknownOutcome.get("problem").get("code").asText()).isEqualTo("SUBSCRIPTION_NOT_FOUND");
        assertThat(unknownOutcome.get("refusedRecords").get(0).get("recordId").asText()).isEqualTo("E-" + tag);

        // the whole batch again, as after a timeout: every accepted record is a duplicate now, nothing more recorded
        var again = api.post("billing", "/api/usage/batches", batch);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().get("accepted").asInt()).isZero();
        assertThat(again.json().get("duplicates").asInt()).isEqualTo(4);
        assertThat(again.json().get("refused").asInt()).isEqualTo(2);
        // a refused record's id is never claimed: only the recorded ones are kept
        assertThat(jdbc.queryForList("select record_id from usage_record_id where record_id like ? order by 1",
                String.class, "%-" + tag)).containsExactly("A-" + tag, "B-" + tag, "C-" + tag);

        assertThat(amounts(first)).containsExactly(new BigDecimal("3"), new BigDecimal("2"));
        assertThat(amounts(second)).containsExactly(new BigDecimal("3"));
        JsonNode unbilled = Await.until("the batch's records unbilled", () -> api.get("reporter",
                "/api/subscriptions/" + first + "/unbilled-usage").json(), json -> json.path("records").size() == 2);
        assertThat(texts(unbilled.get("records"), "recordId")).containsExactlyInAnyOrder("A-" + tag, "B-" + tag);
    }

    /**
     * A batch breaking a field's bounds is refused whole, naming the field of each record at fault, and records
     * nothing (the hand check of valid batches hands doubtful ones to bean validation: {@code UsageRequestsTest}).
     */
    @Test
    void aBatchWithAnInvalidRecordIsRefusedNamingEachRecordsFieldAndRecordsNothing() {
        String subscription = subscribe();
        String tag = UUID.randomUUID().toString();
        var posted = api.post("billing", "/api/usage/batches", """
                {"records":[
                  {"subscriptionId":"%1$s","recordId":"A-%2$s","productCode":"BRAVEHEART","usedAt":"2026-03-20T21:30:00"},
                  {"subscriptionId":"%1$s","recordId":"  ","productCode":"BRAVEHEART","usedAt":"2026-03-20T21:30:00"},
                  {"subscriptionId":"%1$s","recordId":"C-%2$s","productCode":"","usedAt":"2026-03-20T21:30:00"}
                ]}""".formatted(subscription, tag));
        assertThat(posted.status()).as(posted.toString()).isEqualTo(400);
        assertThat(posted.header("Content-Type")).startsWith("application/problem+json");
        assertThat(posted.json().path("code").asText()).isEqualTo("VALIDATION_FAILED");
        List<String> fields = new ArrayList<>();
        posted.json().path("fields").fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("records[1].recordId", "records[2].productCode");
        assertThat(recordIds(tag)).isEmpty();
    }

    /**
     * Exactly once across a lost answer and a lost node: the same batch sent again with its Idempotency-Key is given
     * the first answer (its records counted as accepted, not as duplicates) and records nothing more; a batch whose
     * node died while recording it (its key left in flight, owned by an instance that holds no lock, and nothing
     * committed: the batch's event and its records' rows are one transaction) is recorded once when sent again.
     */
    @Test
    void aBatchSentAgainWithItsIdempotencyKeyGetsItsFirstAnswerAndOneLeftInFlightByACrashIsRecordedOnce() {
        String subscription = subscribe();
        String tag = UUID.randomUUID().toString();
        String batch = """
                {"records":[
                  {"subscriptionId":"%1$s","recordId":"A-%2$s","productCode":"BRAVEHEART","usedAt":"2026-03-20T21:30:00"},
                  {"subscriptionId":"%1$s","recordId":"B-%2$s","productCode":"SERENDIPITY","usedAt":"2026-03-21T02:15:00"}
                ]}""".formatted(subscription, tag);
        var key = Map.of("Idempotency-Key", "batch-" + tag);
        var first = api.post("billing", "/api/usage/batches", batch, key);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().get("accepted").asInt()).isEqualTo(2);

        var again = api.post("billing", "/api/usage/batches", batch, key);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(recordIds(tag)).containsExactlyInAnyOrder("A-" + tag, "B-" + tag);

        String lost = """
                {"records":[
                  {"subscriptionId":"%1$s","recordId":"C-%2$s","productCode":"BRAVEHEART","usedAt":"2026-03-22T21:30:00"},
                  {"subscriptionId":"%1$s","recordId":"D-%2$s","productCode":"BRAVEHEART","usedAt":"2026-03-23T21:30:00"}
                ]}""".formatted(subscription, tag);
        IdempotencyIT.claimInFlight(jdbc, "billing", "crashed-" + tag, "/api/usage/batches", lost, 434343);
        var crashedKey = Map.of("Idempotency-Key", "crashed-" + tag);
        var retried = api.post("billing", "/api/usage/batches", lost, crashedKey);
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(retried.header("Idempotent-Replayed")).isNull();
        assertThat(retried.json().get("accepted").asInt()).isEqualTo(2);
        var repeated = api.post("billing", "/api/usage/batches", lost, crashedKey);
        assertThat(repeated.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(repeated.json()).isEqualTo(retried.json());
        assertThat(recordIds(tag)).containsExactlyInAnyOrder("A-" + tag, "B-" + tag, "C-" + tag, "D-" + tag);
        assertThat(jdbc.queryForObject("""
                select count(*) from domain_event_entry
                where payload_type = 'org.subledger.kernel.usage.UsageBatchRecorded' and payload::text like ?""",
                Long.class, "%" + tag + "%")).isEqualTo(2);
    }

    private List<String> recordIds(String tag) {
        return jdbc.queryForList("select record_id from usage_record_id where record_id like ?", String.class,
                "%-" + tag);
    }

    /**
     * A subscription whose records the ledger sends in another command than {@code other}'s: by default a batch is
     * recorded as one command per partition of its subscriptions, two partitions by the subscription id's hash
     * ({@code MediationBatches}), and the batch's answer must not show it.
     */
    private String subscribeInTheOtherPartitionThan(String other) {
        for (int attempt = 0; attempt < 30; attempt++) {
            String subscription = subscribe();
            if (Math.floorMod(subscription.hashCode(), 2) != Math.floorMod(other.hashCode(), 2)) {
                return subscription;
            }
        }
        throw new AssertionError("30 subscriptions in the partition of " + other);
    }

    @Test
    void aSubscriptionPastTheSnapshotThresholdIsSnapshottedAndDecidesAlikeAfterwards() {
        String subscription = subscribe();
        String tag = UUID.randomUUID().toString();
        // on the subscription's own usage API, each record is a UsageRecorded on its stream (a mediation batch's
        // records are one event on no stream)
        var first = api.post("billing", "/api/subscriptions/" + subscription + "/usage", records(tag, 0, 120));
        assertThat(first.json().get("accepted").asInt()).as(first.toString()).isEqualTo(120);
        long snapshotAt = Await.until("a snapshot of the subscription", () -> jdbc.queryForObject(
                "select coalesce(max(sequence_number), -1) from snapshot_event_entry where aggregate_identifier = ?",
                Long.class, subscription), sequence -> sequence >= 100);
        // the revision the aggregate declares: a snapshot of another revision would be skipped on load
        assertThat(jdbc.queryForMap("select payload_type, payload_revision from snapshot_event_entry"
                + " where aggregate_identifier = ? and sequence_number = ?", subscription, snapshotAt))
                .containsEntry("payload_type", "org.subledger.command.subscription.Subscription")
                .containsEntry("payload_revision", "7");

        // the same records again and one more, decided after the snapshot (on the cached copy; a cold load reads
        // the snapshot, whose round trip SubscriptionSnapshotRoundTripTest checks)
        var again = api.post("billing", "/api/subscriptions/" + subscription + "/usage", records(tag, 0, 121));
        assertThat(again.json().get("accepted").asInt()).as(again.toString()).isEqualTo(1);
        assertThat(again.json().get("duplicates").asInt()).isEqualTo(120);
        assertThat(amounts(subscription)).hasSize(121);
        assertThat(eventCount(subscription)).isGreaterThan(snapshotAt + 1);
    }

    @Test
    void theDuplicateCheckFindsTheRecordedPairsByTheKeyWhateverTheTablesStatisticsSay() {
        String subscription = subscribe();
        String other = subscribe();
        String tag = UUID.randomUUID().toString();
        var posted = api.post("billing", "/api/usage/batches", batch(subscription, tag, 0, 3));
        assertThat(posted.json().get("accepted").asInt()).as(posted.toString()).isEqualTo(3);

        // the batch handler's look-up: only the pairs recorded, a record id of another subscription not among them
        assertThat(jdbc.queryForList("""
                        select subscription_id || ' ' || record_id
                        from usage_records_recorded(string_to_array(?, ',')::varchar[],
                                                    string_to_array(?, ',')::varchar[])
                        order by 1""", String.class,
                String.join(",", subscription, subscription, other, subscription),
                String.join(",", tag + "-0", tag + "-2", tag + "-1", tag + "-9")))
                .containsExactly(subscription + " " + tag + "-0", subscription + " " + tag + "-2");
        // planned without scans or hash joins at each call: a plan made while the table looked empty cannot scan it
        assertThat(jdbc.queryForObject("""
                        select array_to_string(proconfig, ',') from pg_proc
                        where proname = 'usage_records_recorded'""", String.class))
                .isEqualTo("enable_seqscan=off,enable_hashjoin=off,enable_mergejoin=off");
        // what those settings do: with a scan made to look free and index probes dear, the plain join scans the
        // table, and the function's query (the same join under its settings) still probes the key
        String join = """
                explain select u.subscription_id from usage_record_id u
                join unnest(array['a']::varchar[], array['b']::varchar[]) as asked(s, r)
                on u.subscription_id = asked.s and u.record_id = asked.r""";
        List<String> plans = jdbc.execute((ConnectionCallback<List<String>>)
                connection -> {
                    connection.setAutoCommit(false);
                    try (var statement = connection.createStatement()) {
                        statement.execute("set local seq_page_cost = 0");
                        statement.execute("set local random_page_cost = 1000");
                        String plain = plan(statement, join);
                        statement.execute("""
                                select set_config(split_part(setting, '=', 1), split_part(setting, '=', 2), true)
                                from pg_proc, unnest(proconfig) as setting where proname = 'usage_records_recorded'""");
                        return List.of(plain, plan(statement, join));
                    } finally {
                        connection.rollback();
                        connection.setAutoCommit(true);
                    }
                });
        assertThat(plans.get(0)).contains("Seq Scan on usage_record_id");
        assertThat(plans.get(1)).contains("Index").contains("usage_record_id_pkey").doesNotContain("Seq Scan");
    }

    private static String plan(Statement statement, String explain) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (var rows = statement.executeQuery(explain)) {
            while (rows.next()) {
                lines.add(rows.getString(1));
            }
        }
        return String.join("\n", lines);
    }

    /** Records for the subscription's own usage API (no subscription id in them). */
    private static String records(String tag, int from, int to) {
        return batch(null, tag, from, to);
    }

    /** Records of a mediation batch, all the subscription's ({@code null}: records without a subscription id). */
    private static String batch(String subscription, String tag, int from, int to) {
        StringBuilder records = new StringBuilder();
        for (int i = from; i < to; i++) {
            records.append(i == from ? "{" : ",{")
                    .append(subscription == null ? "" : "\"subscriptionId\":\"" + subscription + "\",")
                    .append("""
                            "recordId":"%s-%d","productCode":"BRAVEHEART","usedAt":"2026-03-20T21:30:00"}"""
                            .formatted(tag, i));
        }
        return "{\"records\":[" + records + "]}";
    }

    @Test
    void aNewlineDelimitedStreamIsRecordedInChunksWithAnOutcomeLinePerRecord() throws Exception {
        String subscription = subscribe();
        String tag = UUID.randomUUID().toString();
        StringBuilder stream = new StringBuilder();
        int records = 2_100; // three chunks
        for (int i = 0; i < records; i++) {
            stream.append("""
                    {"subscriptionId":"%s","recordId":"%s-%d","productCode":"BRAVEHEART","usedAt":"2026-03-20T21:30:00"}
                    """.formatted(subscription, tag, i));
        }
        stream.append("""
                {"subscriptionId":"%1$s","recordId":"%2$s-0","productCode":"BRAVEHEART","usedAt":"2026-03-20T21:30:00"}
                {"subscriptionId":"%1$s","recordId":"%2$s-early","productCode":"BRAVEHEART","usedAt":"2026-01-15T21:30:00"}
                {"subscriptionId":"%1$s","recordId":"","productCode":"BRAVEHEART"}
                not json
                """.formatted(subscription, tag));
        var response = api.send("billing", "POST", "/api/usage/batches", stream.toString(),
                Map.of("Content-Type", "application/x-ndjson", "Accept", "application/x-ndjson"));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : response.body().split("\n")) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines).hasSize(records + 4 + 1);
        assertThat(lines.subList(0, records)).allMatch(line -> line.get("status").asText().equals("ACCEPTED"));
        assertThat(lines.get(records).get("status").asText()).isEqualTo("DUPLICATE");
        assertThat(lines.get(records + 1).get("problem").get("code").asText())
                .isEqualTo("RELATED_SERVICE_NOT_EFFECTIVE");
        assertThat(lines.get(records + 2).get("problem").get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(lines.get(records + 3).get("line").asInt()).isEqualTo(records + 4);
        assertThat(lines.get(records + 3).get("problem").get("code").asText()).isEqualTo("VALIDATION_FAILED");
        JsonNode summary = lines.get(records + 4).get("summary");
        assertThat(summary.get("accepted").asInt()).isEqualTo(records);
        assertThat(summary.get("duplicates").asInt()).isEqualTo(1);
        assertThat(summary.get("refused").asInt()).isEqualTo(3);
        assertThat(amounts(subscription)).hasSize(records);
    }

    /** Gold with PPV Movies, effective from 1 February 2026. */
    String subscribe() {
        String accountId = api.openAccount("Batch", "Watcher", "500.00");
        var created = api.post("agent", "/api/subscriptions", """
                {"accountId":"%s","subscriptionTypeCode":"GOLD",
                 "billingTerms":{"scheme":"RESIDENTIAL","billingFrequency":"MONTHLY"},
                 "initialState":"EFFECTIVE","actionDate":"2026-02-01",
                 "distributors":[{"distributorId":"STB-1","providerCode":"NAGRA"}],
                 "services":[{"productCode":"GOLD","distributorIds":["STB-1"]},
                             {"productCode":"PPV-MOVIES","distributorIds":["STB-1"]}]}""".formatted(accountId));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("subscriptionId").asText();
    }

    /** The amounts of the usage the subscription recorded (on its stream or in batch events), in the order recorded. */
    List<BigDecimal> amounts(String subscriptionId) {
        return recordedUsage(subscriptionId).stream()
                .map(record -> new BigDecimal(record.get("amount").get("amount").asText()).stripTrailingZeros())
                .toList();
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.get(field).asText()));
        return texts;
    }
}
