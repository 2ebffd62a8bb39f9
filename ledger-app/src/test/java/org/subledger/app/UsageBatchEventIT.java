package org.subledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ConfigurableApplicationContext;
import org.subledger.command.usage.UnbilledBatchUsage;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.usage.UsageBillingDue;
import org.subledger.kernel.usage.UsageBillingReason;
import org.subledger.kernel.usage.UsageRecorded;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mediation batch over subscriptions whose usage is not paid from a wallet is one {@code UsageBatchRecorded} event
 * on no stream, with the principal, correlation, causation and idempotency key every event carries; its records are
 * unbilled (billing's rows, which the query API and reporting show as soon as the batch answers) until a bill includes
 * them, each exactly once however often the run is repeated, and the bill's explanation names the batch event for each
 * usage line. A scheme that bills usage early (RESIDENTIAL: at 20 unbilled records or 50.00) counts its
 * batch-recorded usage and asks for its usage bill when it reaches the threshold (issue 17).
 */
class UsageBatchEventIT extends LedgerIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    UnbilledBatchUsage unbilledBatchUsage;

    @Autowired
    EventGateway eventGateway;

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;


    String type;

    @BeforeEach
    void catalog() {
        loadSampleCatalog();
        type = "UB-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        var created = api.post("admin", "/api/catalog/subscription-types", """
                {"code": "%s", "name": "Usage batches", "allowedBillingTermSchemes": ["CORPORATE", "RESIDENTIAL"],
                 "allowedProviders": ["NAGRA"], "allowedProducts": ["GOLD", "PPV-MOVIES"]}""".formatted(type));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    @Test
    void aBatchIsOneEventAndEachOfItsRecordsIsBilledOnceAndExplainedByIt() throws Exception {
        String first = subscribe("CORPORATE");
        String second = subscribe("CORPORATE");
        String residential = subscribe("RESIDENTIAL"); // bills usage early, but not at one record
        String tag = UUID.randomUUID().toString();
        String batch = """
                {"records":[
                  {"subscriptionId":"%1$s","recordId":"A-%3$s","productCode":"BRAVEHEART","usedAt":"2026-03-20T21:30:00"},
                  {"subscriptionId":"%1$s","recordId":"B-%3$s","productCode":"SERENDIPITY","usedAt":"2026-03-21T02:15:00"},
                  {"subscriptionId":"%2$s","recordId":"C-%3$s","productCode":"BRAVEHEART","usedAt":"2026-03-22T21:30:00"},
                  {"subscriptionId":"%1$s","recordId":"A-%3$s","productCode":"BRAVEHEART","usedAt":"2026-03-20T21:30:00"},
                  {"subscriptionId":"%1$s","recordId":"L-%3$s","productCode":"BRAVEHEART","usedAt":"2026-04-10T21:30:00"},
                  {"subscriptionId":"%4$s","recordId":"W-%3$s","productCode":"BRAVEHEART","usedAt":"2026-03-22T21:30:00"}
                ]}""".formatted(first, second, tag, residential);
        var posted = api.post("billing", "/api/usage/batches", batch, Map.of("Idempotency-Key", "batch-" + tag));
        assertThat(posted.status()).as(posted.toString()).isEqualTo(200);
        assertThat(posted.json().get("accepted").asInt()).isEqualTo(5);
        assertThat(posted.json().get("duplicates").asInt()).isEqualTo(1);

        // one event per partition of the batch (MediationBatches: at most two here), of no aggregate (its own id),
        // holding the five records accepted, each once
        List<Map<String, Object>> batches = jdbc.queryForList("""
                select event_identifier, aggregate_identifier, type, payload::text as payload, meta_data::text as meta
                from domain_event_entry
                where payload_type = 'org.subledger.kernel.usage.UsageBatchRecorded' and payload::text like ?""",
                "%" + tag + "%");
        assertThat(batches).hasSizeBetween(1, 2);
        Map<String, String> eventOf = new java.util.HashMap<>();
        List<String> recorded = new ArrayList<>();
        for (Map<String, Object> stored : batches) {
            String eventId = (String) stored.get("event_identifier");
            assertThat(stored).containsEntry("aggregate_identifier", eventId).containsEntry("type", null);
            JsonNode payload = JSON.readTree((String) stored.get("payload"));
            assertThat(payload.get("batchId").asText()).hasSize(36);
            texts(payload.get("records"), "recordId").forEach(recordId -> {
                recorded.add(recordId);
                eventOf.put(recordId, eventId);
            });
            JsonNode metadata = JSON.readTree((String) stored.get("meta"));
            assertThat(metadata.get("principal").asText()).isEqualTo("billing");
            assertThat(metadata.get("correlationId").asText()).hasSize(36);
            assertThat(metadata.get("causationId").asText()).isNotBlank();
            assertThat(metadata.get("idempotencyKey").asText()).isEqualTo("batch-" + tag);
        }
        assertThat(recorded).containsExactlyInAnyOrder("A-" + tag, "B-" + tag, "L-" + tag, "C-" + tag, "W-" + tag);
        assertThat(usageRecordedOn(first)).isZero();
        assertThat(usageRecordedOn(second)).isZero();
        assertThat(usageRecordedOn(residential)).isZero();
        assertThat(events(residential, "UsageBillingDue")).isEmpty();
        assertThat(unbilledRows(first)).containsExactly("A-" + tag, "B-" + tag, "L-" + tag);
        // unbilled usage as soon as the batch answers: billing's rows, written with the batch event, are what readers
        // see (no read model to wait for)
        JsonNode unbilled = Await.until("the subscription readable", () -> api.get("reporter",
                "/api/subscriptions/" + first + "/unbilled-usage"), response -> response.status() == 200).json();
        assertThat(texts(unbilled.path("records"), "recordId")).containsExactly("A-" + tag, "B-" + tag, "L-" + tag);
        assertThat(jdbc.queryForList("select record_id from reporting.unbilled_usage where subscription_id = ?"
                + " order by used_at", String.class, first)).containsExactly("A-" + tag, "B-" + tag, "L-" + tag);
        assertThat(jdbc.queryForList("select record_id || ' ' || event_id from usage_record_id"
                + " where subscription_id = ? and amount is not null order by record_id", String.class, first))
                .containsExactly(
                "A-" + tag + " " + eventOf.get("A-" + tag), "B-" + tag + " " + eventOf.get("B-" + tag),
                "L-" + tag + " " + eventOf.get("L-" + tag));
        assertUsageBatchesAudited(first, eventOf, "A-" + tag, "B-" + tag, "L-" + tag);

        // billed by the run of 1 April: what was used by then, once, however often the run is repeated
        runBills(LocalDate.of(2026, 4, 1));
        runBills(LocalDate.of(2026, 4, 1));
        assertThat(billedRecordIds(first)).containsExactlyInAnyOrder("A-" + tag, "B-" + tag);
        assertThat(billedRecordIds(second)).containsExactly("C-" + tag);
        assertThat(unbilledRows(first)).containsExactly("L-" + tag);
        assertThat(unbilledRows(second)).isEmpty();
        assertThat(texts(api.get("reporter", "/api/subscriptions/" + first + "/unbilled-usage").json()
                .path("records"), "recordId")).containsExactly("L-" + tag);
        // each billed record's batch event, kept by its bill with its id's claim (its values gone)
        assertThat(jdbc.queryForList("select record_id || ' ' || event_id from usage_record_id"
                + " where subscription_id = ? and amount is null and account_id is null and used_at is null"
                + " order by record_id", String.class, first)).containsExactly(
                "A-" + tag + " " + eventOf.get("A-" + tag), "B-" + tag + " " + eventOf.get("B-" + tag));
        runBills(LocalDate.of(2026, 5, 1));
        assertThat(billedRecordIds(first)).containsExactlyInAnyOrder("A-" + tag, "B-" + tag, "L-" + tag);
        assertThat(unbilledRows(first)).isEmpty();
        // billed, the records' event is still found for the auditor (their ids' claims)
        assertThat(api.get("reporter", "/api/subscriptions/" + first + "/unbilled-usage").json().path("records"))
                .isEmpty();
        assertUsageBatchesAudited(first, eventOf, "A-" + tag, "B-" + tag, "L-" + tag);
        assertThat(api.get("agent", "/api/audit/subscriptions/" + first + "/usage-batches").status())
                .isEqualTo(403);
        assertThat(api.get("auditor", "/api/audit/subscriptions/no-such-subscription/usage-batches").status())
                .isEqualTo(404);

        // the explanation of the March usage lines names the batch event that recorded them
        String billId = jdbc.queryForObject("""
                select payload::jsonb ->> 'billId' from domain_event_entry
                where aggregate_identifier = ? and payload_type like '%SubscriptionBilled'
                  and (payload::jsonb -> 'usageRecordIds') @> jsonb_build_array(?::text)""", String.class, first, "A-" + tag);
        JsonNode explanation = Await.until("the bill explained", () -> api.get("auditor", "/api/bills/" + billId
                + "/explanation"), response -> response.status() == 200).json();
        List<JsonNode> usageLines = new ArrayList<>();
        explanation.get("lines").forEach(line -> {
            if (line.get("kind").asText().equals("USAGE")) {
                usageLines.add(line);
            }
        });
        assertThat(usageLines).hasSize(2);
        for (JsonNode line : usageLines) {
            JsonNode record = line.at("/usageRecords/0");
            assertThat(record.get("recordId").asText()).isIn("A-" + tag, "B-" + tag);
            assertThat(record.get("eventId").asText()).isEqualTo(eventOf.get(record.get("recordId").asText()));
            assertThat(line.at("/rate/eventId").asText()).isEqualTo(record.get("eventId").asText());
        }
    }

    @Test
    void aSchemeThatBillsUsageEarlyCountsItsBatchRecordedUsageAndIsBilledAtItsThreshold() {
        String residential = subscribe("RESIDENTIAL");
        String tag = UUID.randomUUID().toString();

        // 10 records of 3.00: 30.00 unbilled, below both thresholds
        postBatch(residential, tag + "-a", 10);
        assertThat(billingDue(residential)).isEmpty();
        assertThat(unbilledRows(residential)).hasSize(10);

        // 10 more, in another batch: 20 records, 60.00 — the earlier batch's count with this one's
        postBatch(residential, tag + "-b", 10);
        assertThat(usageRecordedOn(residential)).isZero();
        assertThat(events(residential, "UsageBillingDue")).as("the ask is not on the subscription's stream").isEmpty();
        assertThat(billingDue(residential)).singleElement().satisfies(due -> {
            assertThat(due.get("reason").asText()).isEqualTo("AMOUNT_THRESHOLD");
            assertThat(due.get("unbilledRecords").asInt()).isEqualTo(20);
            assertThat(due.at("/unbilledAmount/amount").decimalValue()).isEqualByComparingTo("60.00");
        });

        // the usage bill includes all twenty, once; what comes after it counts from zero
        Await.until("the usage bill of " + residential, () -> billedRecordIds(residential), ids -> ids.size() == 20);
        assertThat(billedRecordIds(residential)).doesNotHaveDuplicates()
                .allMatch(id -> id.startsWith(tag + "-a-") || id.startsWith(tag + "-b-"));
        assertThat(unbilledRows(residential)).isEmpty();
        postBatch(residential, tag + "-c", 5);
        assertThat(billingDue(residential)).hasSize(1);
        assertThat(unbilledRows(residential)).hasSize(5);
    }

    /**
     * A batch's ask for a usage bill is not on the subscription's stream, so a batch deciding while the bill of an
     * earlier ask is being written does not conflict with it, and may ask again on usage that bill is taking. The
     * usage bill checks that the usage is still due when it is written: an ask that comes too late (published here
     * as a batch would have published it) issues no bill for what is left under the threshold.
     */
    @Test
    void anAskForAUsageBillThatCameTooLateIssuesNoBillUnderTheThreshold() {
        String residential = subscribe("RESIDENTIAL");
        String tag = UUID.randomUUID().toString();
        postBatch(residential, tag + "-a", 20);
        Await.until("the usage bill of " + residential, () -> billedRecordIds(residential), ids -> ids.size() == 20);
        String accountId = jdbc.queryForObject("select account_id from billing_index where subscription_id = ?",
                String.class, residential);
        postBatch(residential, tag + "-b", 1);
        assertThat(unbilledRows(residential)).containsExactly(tag + "-b-0");

        // as decided by a batch that read the twenty records before their bill was committed (and one of its own)
        eventGateway.publish(GenericEventMessage.asEventMessage(new UsageBillingDue(residential, accountId,
                UsageBillingReason.RECORD_THRESHOLD, Money.of(new BigDecimal("63.00"), Currency.getInstance("EUR")),
                21, null)));
        RestartIT.awaitCaughtUp(context, "process-managers");
        // the processor recorded the ask; the usage-bill worker answers it
        Await.until("the ask answered", () -> jdbc.queryForObject(
                "select count(*) from usage_bill_ask where subscription_id = ?", Long.class, residential),
                waiting -> waiting == 0);

        assertThat(billedRecordIds(residential)).as("one usage bill, of the twenty").hasSize(20);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?"
                + " and payload_type like '%.SubscriptionBilled'", Long.class, residential)).isEqualTo(1);
        assertThat(unbilledRows(residential)).containsExactly(tag + "-b-0");
    }

    /**
     * Usage bills keep the folds of the subscription's and the account's streams between bills and read only what came
     * since (issue 17): a payment on the account and a record on the subscription's stream between two usage bills
     * are on the second, and so is the first bill itself (none of its records billed again).
     */
    @Test
    void whatChangedTheAccountAndTheSubscriptionBetweenTwoUsageBillsIsOnTheSecond() {
        String residential = subscribe("RESIDENTIAL");
        String tag = UUID.randomUUID().toString();
        postBatch(residential, tag + "-a", 20);
        Await.until("the first usage bill of " + residential, () -> billedRecordIds(residential),
                ids -> ids.size() == 20);
        String accountId = jdbc.queryForObject("select account_id from billing_index where subscription_id = ?",
                String.class, residential);
        var paid = api.post("agent", "/api/accounts/" + accountId + "/payments",
                "{\"amount\": 10.00, \"reference\": \"between two usage bills\"}");
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        var single = api.post("billing", "/api/subscriptions/" + residential + "/usage", """
                {"recordId":"S-%s","productCode":"BRAVEHEART","usedAt":"2026-03-21T21:30:00"}""".formatted(tag));
        assertThat(single.status()).as(single.toString()).isEqualTo(201);

        postBatch(residential, tag + "-b", 20);

        List<String> billed = Await.until("the second usage bill of " + residential,
                () -> billedRecordIds(residential), ids -> ids.size() > 20);
        assertThat(billed).doesNotHaveDuplicates().hasSize(41).contains("S-" + tag);
        // every posting on the account, in its stream's order; others (the subscription's start-up fee, charged by a
        // saga) may come between the usage bills too, on a busy machine even after the payment
        List<JsonNode> postings = jdbc.queryForList("""
                select payload::text from domain_event_entry where aggregate_identifier = ?
                  and payload::jsonb -> 'balanceAfter' is not null order by sequence_number""", String.class, accountId)
                .stream().map(LedgerIT::json).toList();
        List<String> usageBillIds = usageBills(residential).stream().map(bill -> bill.get("billId").asText()).toList();
        assertThat(usageBillIds).hasSize(2);
        int first = indexOfPosting(postings, usageBillIds.get(0));
        int second = indexOfPosting(postings, usageBillIds.get(1));
        List<String> between = postings.subList(first + 1, second).stream()
                .map(posting -> posting.path("reference").asText()).toList();
        assertThat(between).as("the payment came between the two usage bills").contains("between two usage bills");
        BigDecimal total = postings.get(second).at("/total/amount").decimalValue();
        assertThat(total).isPositive();
        assertThat(postings.get(second).at("/balanceAfter/amount").decimalValue())
                .as("the balance after what came before it, and the bill")
                .isEqualByComparingTo(postings.get(second - 1).at("/balanceAfter/amount").decimalValue().add(total));
    }

    private static int indexOfPosting(List<JsonNode> postings, String billId) {
        for (int i = 0; i < postings.size(); i++) {
            if (billId.equals(postings.get(i).path("billId").asText())) {
                return i;
            }
        }
        throw new AssertionError("no posting of bill " + billId + " in " + postings);
    }

    /**
     * Usage bills keep the catalog entries they read while those entries' streams do not grow (issue 17): a scheme
     * amended between two usage bills is read afresh for the second (its payment term here).
     */
    @Test
    void aSchemeAmendedBetweenTwoUsageBillsDecidesTheSecond() {
        String scheme = "UB5-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String schemeBody = """
                {"code":"%s","name":"Five records","billingFrequencies":["MONTHLY"],"bindingPeriodMonths":0,
                 "allowedPricePlans":["STANDARD"],"defaultPricePlan":"STANDARD","flexiblePricing":false,
                 "overrideCreditLimitRules":false,"termedServiceTiming":"IN_ADVANCE","maxUnbilledUsageAmount":null,
                 "maxUnbilledUsageRecords":5,"prepaid":false,"paymentDueDays":%d}""";
        var created = api.post("admin", "/api/catalog/billing-term-schemes", schemeBody.formatted(scheme, 10));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String fiveRecords = "UT-" + scheme;
        var typed = api.post("admin", "/api/catalog/subscription-types", """
                {"code": "%s", "name": "Five records", "allowedBillingTermSchemes": ["%s"],
                 "allowedProviders": ["NAGRA"], "allowedProducts": ["GOLD", "PPV-MOVIES"]}"""
                .formatted(fiveRecords, scheme));
        assertThat(typed.status()).as(typed.toString()).isEqualTo(201);
        type = fiveRecords;
        String subscription = subscribe(scheme);
        String tag = UUID.randomUUID().toString();

        postBatch(subscription, tag + "-a", 5);
        JsonNode first = Await.until("the first usage bill of " + subscription, () -> usageBills(subscription),
                bills -> bills.size() == 1).get(0);
        var amended = api.put("admin", "/api/catalog/billing-term-schemes/" + scheme, schemeBody.formatted(scheme, 20));
        assertThat(amended.status()).as(amended.toString()).isEqualTo(200);
        postBatch(subscription, tag + "-b", 5);
        JsonNode second = Await.until("the second usage bill of " + subscription, () -> usageBills(subscription),
                bills -> bills.size() == 2).get(1);

        assertThat(LocalDate.parse(first.get("dueDate").asText()))
                .isEqualTo(LocalDate.parse(first.get("issuedOn").asText()).plusDays(10));
        assertThat(LocalDate.parse(second.get("dueDate").asText()))
                .isEqualTo(LocalDate.parse(second.get("issuedOn").asText()).plusDays(20));
    }

    /** The subscription's usage bills ({@code BillIssued}), oldest first. */
    private List<JsonNode> usageBills(String subscriptionId) {
        return jdbc.queryForList("""
                select payload::text from domain_event_entry
                where payload_type = 'org.subledger.kernel.billing.BillIssued'
                  and payload::jsonb ->> 'subscriptionId' = ? and payload::jsonb ->> 'kind' = 'USAGE'
                order by global_index""", String.class, subscriptionId).stream().map(LedgerIT::json).toList();
    }

    /** The subscription's asks for usage bills, stored as events of their own (no aggregate), oldest first. */
    private List<JsonNode> billingDue(String subscriptionId) {
        return jdbc.queryForList("""
                select payload::text from domain_event_entry
                where payload_type = 'org.subledger.kernel.usage.UsageBillingDue' and type is null
                  and payload::jsonb ->> 'subscriptionId' = ?
                order by global_index""", String.class, subscriptionId).stream().map(LedgerIT::json).toList();
    }

    /**
     * The auditor's list of the subscription's batch events: the one event (a subscription's records are in its
     * partition's event) holding exactly these of its records, with who recorded them.
     */
    private void assertUsageBatchesAudited(String subscriptionId, Map<String, String> eventOf, String... recordIds) {
        JsonNode audited = Await.until("the batch events of " + subscriptionId, () -> api.get("auditor",
                        "/api/audit/subscriptions/" + subscriptionId + "/usage-batches"),
                response -> response.status() == 200 && response.json().path("totalElements").asInt() == 1).json();
        JsonNode event = audited.at("/events/0/event");
        assertThat(event.path("eventId").asText()).as(audited.toString()).isEqualTo(eventOf.get(recordIds[0]));
        assertThat(event.get("type").asText()).isEqualTo("UsageBatchRecorded");
        assertThat(event.get("principal").asText()).isEqualTo("billing");
        assertThat(audited.at("/events/0/globalIndex").asLong()).isPositive();
        assertThat(texts(event.at("/payload/records"), "recordId")).containsExactlyInAnyOrder(recordIds);
        assertThat(texts(event.at("/payload/records"), "subscriptionId")).containsOnly(subscriptionId);
    }

    /** A mediation batch of records for one subscription, all accepted. */
    private void postBatch(String subscriptionId, String prefix, int records) {
        postBatch(api, subscriptionId, prefix, records);
    }

    /** Posts a batch of {@code records} Braveheart records for the subscription, ids {@code prefix-0, prefix-1, …}. */
    static void postBatch(Api api, String subscriptionId, String prefix, int records) {
        StringBuilder body = new StringBuilder("{\"records\":[");
        for (int i = 0; i < records; i++) {
            body.append(i == 0 ? "" : ",").append("""
                    {"subscriptionId":"%s","recordId":"%s-%d","productCode":"BRAVEHEART","usedAt":"2026-03-20T21:30:00"}"""
                    .formatted(subscriptionId, prefix, i));
        }
        var posted = api.post("billing", "/api/usage/batches", body.append("]}").toString());
        assertThat(posted.status()).as(posted.toString()).isEqualTo(200);
        assertThat(posted.json().get("accepted").asInt()).as(posted.toString()).isEqualTo(records);
    }

    private List<JsonNode> events(String subscriptionId, String type) {
        return jdbc.queryForList("""
                select payload::text from domain_event_entry where aggregate_identifier = ? and payload_type like ?
                order by sequence_number""", String.class, subscriptionId, "%." + type).stream()
                .map(LedgerIT::json).toList();
    }

    /**
     * Billing's rows give back each batch record exactly as the batch event holds it (V3_1040: columns instead of the
     * record's JSON): a time to the nanosecond, a record id with a comma and quotes (CSV's special characters), the
     * rating line and the action.
     */
    @Test
    void billingsRowsGiveBackEachBatchRecordAsItsEventHoldsIt() {
        String subscription = subscribe("CORPORATE");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String batch = """
                {"records":[
                  {"subscriptionId":"%1$s","recordId":"N-%2$s","productCode":"BRAVEHEART",
                   "usedAt":"2026-03-20T21:30:00.123456789"},
                  {"subscriptionId":"%1$s","recordId":"Q,\\"x\\"-%2$s","productCode":"SERENDIPITY",
                   "usedAt":"2026-03-21T02:15"}
                ]}""".formatted(subscription, tag);
        var posted = api.post("billing", "/api/usage/batches", batch, Map.of("Idempotency-Key", "rows-" + tag));
        assertThat(posted.status()).as(posted.toString()).isEqualTo(200);
        assertThat(posted.json().get("accepted").asInt()).as(posted.toString()).isEqualTo(2);

        List<UsageRecorded> stored = recordedUsage(subscription).stream().map(this::usageRecorded).toList();
        assertThat(stored).hasSize(2);
        assertThat(stored).extracting(UsageRecorded::recordId).contains("Q,\"x\"-" + tag);
        assertThat(stored).extracting(UsageRecorded::usedAt).contains(LocalDateTime.of(2026, 3, 20, 21, 30, 0,
                123456789));
        assertThat(stored).allSatisfy(record -> assertThat(record.explanation()).isNotNull());
        assertThat(unbilledBatchUsage.unbilled(List.of(subscription)).get(subscription))
                .containsExactlyInAnyOrderElementsOf(stored);
    }

    private UsageRecorded usageRecorded(JsonNode stored) {
        return eventSerializer.deserialize(new SimpleSerializedObject<>(stored.toString(), String.class,
                eventSerializer.typeForClass(UsageRecorded.class)));
    }

    /** An effective subscription of the test's type with Gold and PPV Movies from 1 February 2026. */
    private String subscribe(String scheme) {
        String accountId = api.openAccount("Batch", "Event", "5000.00");
        var created = api.post("agent", "/api/subscriptions", """
                {"accountId":"%s","subscriptionTypeCode":"%s",
                 "billingTerms":{"scheme":"%s","billingFrequency":"MONTHLY"},
                 "initialState":"EFFECTIVE","actionDate":"2026-02-01",
                 "distributors":[{"distributorId":"STB-1","providerCode":"NAGRA"}],
                 "services":[{"productCode":"GOLD","distributorIds":["STB-1"]},
                             {"productCode":"PPV-MOVIES","distributorIds":["STB-1"]}]}"""
                .formatted(accountId, type, scheme));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("subscriptionId").asText();
    }

    private void runBills(LocalDate billingDate) {
        BillRuns.runWithoutFailures(api, billingDate, type);
    }

    private long usageRecordedOn(String subscriptionId) {
        return jdbc.queryForObject("""
                select count(*) from domain_event_entry
                where aggregate_identifier = ? and payload_type = 'org.subledger.kernel.usage.UsageRecorded'""",
                Long.class, subscriptionId);
    }

    private List<String> unbilledRows(String subscriptionId) {
        return jdbc.queryForList("select record_id from usage_record_id where subscription_id = ? and amount is not null"
                + " order by 1", String.class, subscriptionId);
    }

    /** Every record id the subscription's bills listed, as often as listed. */
    private List<String> billedRecordIds(String subscriptionId) {
        return jdbc.queryForList("""
                select jsonb_array_elements_text(payload::jsonb -> 'usageRecordIds') from domain_event_entry
                where aggregate_identifier = ? and payload_type like '%SubscriptionBilled'""",
                String.class, subscriptionId);
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.get(field).asText()));
        return texts;
    }
}
