package org.subledger.platform.metrics;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectReader;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.subledger.kernel.billing.BillIssued;
import org.subledger.kernel.billing.BillKind;
import org.subledger.kernel.billing.BillRunCompleted;
import org.subledger.kernel.billing.BillRunStarted;
import org.subledger.kernel.billing.SubscriptionBillingFailed;
import org.subledger.kernel.metadata.LedgerMetadata;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.process.ProcessStepRefused;
import org.subledger.kernel.usage.UsageBatchRecorded;
import org.subledger.kernel.usage.UsageRecorded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Business counters from the committed events, in a streaming processing group ({@value #GROUP}): each event is
 * counted once in the cluster (on the node holding its segment; Prometheus sums the nodes), never again in a replay.
 * A processor, not a subscription to the event bus, because bills are appended to the storage engine directly, by the
 * thousand, and never pass the bus; and so that counting never runs on the command path. The ledger runs the group in
 * its shared {@code read-models} processor ({@code ledger.axon.shared-processors}); a processor of its own, when it is
 * not listed there, starts at the head of the event store, so that history is not counted.
 *
 * <ul>
 *   <li>{@code ledger.bill.runs.started}, {@code ledger.bill.runs.completed}, and {@code ledger.bill.runs.duration}
 *       (a timer, for runs started and completed on this node)</li>
 *   <li>{@code ledger.bill.runs.subscriptions{outcome=billed|failed|skipped}}: the counts of completed runs</li>
 *   <li>{@code ledger.billing.failures}: subscriptions a run could not bill, as they happen</li>
 *   <li>{@code ledger.bills.issued{kind, currency}} and {@code ledger.bills.amount{currency, direction}}: bills and
 *       the sum of their totals ({@code direction=billed} for positive totals, {@code credited} for negative ones:
 *       a counter only grows)</li>
 *   <li>{@code ledger.usage.records}: usage records ingested</li>
 *   <li>{@code ledger.process.steps.refused{process}}: saga steps refused by their target (business refusals)</li>
 * </ul>
 *
 * <p>Counting must not cost what handling costs: a usage record is counted by its type, never read. A bill is counted
 * by its kind and total. In a processor of its own they are read from the stored JSON without building the bill and
 * its lines ({@link BillTotal}); before, this group deserialized every {@code UsageRecorded} and every
 * {@code BillIssued} in full: 8 % of the ledger's JVM samples in a 100,000-subscription bill run (docs/benchmarks.md,
 * session 14). Even that skim, with the processor's own fetch of every event, was 7-10 % of the Java samples of a
 * profiled 30,000-subscription run (session 16, JFR): in the shared processor, whose read models deserialize each
 * bill anyway (once per message for all its groups), the group reads the bill the others read.
 */
@DisallowReplay
@ProcessingGroup(EventMetrics.GROUP)
class EventMetrics {

    static final String GROUP = "ledger-metrics";

    private final MeterRegistry registry;
    /** Runs started here and not completed yet: a handful a month, so a run completed on another node costs nothing. */
    private final Map<String, Instant> runsStarted = new ConcurrentHashMap<>();
    private final Timer runDuration;
    /** Counted for every usage record: looked up once, not built and registered again for each. */
    private final Counter usageRecords;

    /**
     * Reads a stored bill's kind and total, skipping the rest; null when events are not stored by Jackson or when the
     * bill is read whole (the processor's other groups deserialize it anyway).
     */
    private final ObjectReader billTotals;
    private final Serializer eventSerializer;
    /** Reads stored usage batches token by token; null when events are not stored by Jackson. */
    private final JsonFactory jsonFactory;

    /**
     * @param sharesDeserializedBills whether the group runs in a processor whose other groups deserialize every bill
     *                                (then the bill object they share is read, not its JSON skimmed once more)
     */
    EventMetrics(MeterRegistry registry, Serializer eventSerializer, boolean sharesDeserializedBills) {
        this.registry = registry;
        this.eventSerializer = eventSerializer;
        this.billTotals = !sharesDeserializedBills && eventSerializer instanceof JacksonSerializer jackson
                ? jackson.getObjectMapper().readerFor(BillTotal.class) : null;
        this.jsonFactory = eventSerializer instanceof JacksonSerializer jackson
                ? jackson.getObjectMapper().getFactory() : null;
        this.runDuration = Timer.builder("ledger.bill.runs.duration")
                .description("how long bill runs took, from start to completion").register(registry);
        // registered up front, so the series exist (at zero) before the first run
        counter("ledger.bill.runs.started", "bill runs started");
        counter("ledger.bill.runs.completed", "bill runs completed");
        usageRecords = counter("ledger.usage.records", "usage records ingested");
        counter("ledger.billing.failures", "subscriptions a bill run could not bill");
        for (String outcome : List.of("billed", "failed", "skipped")) {
            subscriptions(outcome);
        }
    }

    /** What the bill counters need of a {@link BillIssued}: the rest of its JSON is skipped, not bound. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record BillTotal(BillKind kind, Money total) {
    }

    @EventHandler(payloadType = BillIssued.class)
    void onBill(EventMessage<?> message) {
        BillTotal bill = billTotal(message);
        String currency = bill.total().currency().getCurrencyCode();
        Counter.builder("ledger.bills.issued").tag("kind", bill.kind().name()).tag("currency", currency)
                .description("bills issued").register(registry).increment();
        double total = bill.total().amount().doubleValue();
        Counter.builder("ledger.bills.amount").tag("currency", currency)
                .tag("direction", total < 0 ? "credited" : "billed")
                .description("the sum of the bills' totals, VAT included").register(registry)
                .increment(Math.abs(total));
    }

    /**
     * A mediation batch's records, counted in its stored JSON without building them: no read model reads a batch (its
     * records' unbilled usage is billing's rows, written with it), and building its records was a fifth of the ledger's
     * JVM samples in a usage run (docs/benchmarks.md, sessions 29 and 31).
     */
    @EventHandler(payloadType = UsageBatchRecorded.class)
    void onUsageBatch(EventMessage<?> message) {
        usageRecords.increment(batchSize(message));
    }

    /**
     * The number of records of a {@link UsageBatchRecorded}: as its metadata says ({@link LedgerMetadata#USAGE_RECORDS},
     * written by the ledger with the event since session 32: counting the records in the payload, even token by token,
     * took 5 % of the ledger's CPU in a usage run, docs/benchmarks.md); for a batch stored without it, the elements of
     * its {@code records} array, each skipped whole, from the stored payload as it is (upcast, not deserialized; a
     * message that holds the object instead, never stored, is serialized first: correct, only not cheap); deserialized
     * where events are not stored by Jackson.
     */
    private long batchSize(EventMessage<?> message) {
        if (message.getMetaData().get(LedgerMetadata.USAGE_RECORDS) instanceof Number records) {
            return records.longValue();
        }
        if (jsonFactory != null) {
            byte[] json = message.serializePayload(eventSerializer, byte[].class).getData();
            try (JsonParser parser = jsonFactory.createParser(json)) {
                return recordsIn(parser);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot count the records of usage batch event "
                        + message.getIdentifier(), e);
            }
        }
        return ((UsageBatchRecorded) message.getPayload()).records().size();
    }

    private static long recordsIn(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new IOException("a usage batch is not a JSON object");
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("records".equals(field) && value == JsonToken.START_ARRAY) {
                long records = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    records++;
                    parser.skipChildren();
                }
                return records;
            }
            parser.skipChildren();
        }
        return 0;
    }

    /** Counted by its type: the record itself is never read. */
    @EventHandler(payloadType = UsageRecorded.class)
    void onUsage(EventMessage<?> message) {
        usageRecords.increment();
    }

    /**
     * The bill's kind and total: in a processor of its own, from the stored payload as it is (upcast, not
     * deserialized; a message that holds the object instead, never stored or stored by another serializer, is
     * serialized first: correct, only not cheap); in a shared one, from the bill its other groups deserialize.
     */
    private BillTotal billTotal(EventMessage<?> message) {
        if (billTotals != null) {
            byte[] json = message.serializePayload(eventSerializer, byte[].class).getData();
            try {
                return billTotals.readValue(json);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the kind and total of bill event "
                        + message.getIdentifier(), e);
            }
        }
        BillIssued bill = (BillIssued) message.getPayload();
        return new BillTotal(bill.kind(), bill.total());
    }

    @EventHandler
    void on(SubscriptionBillingFailed failed) {
        if (failed.runId() != null) {
            counter("ledger.billing.failures", "subscriptions a bill run could not bill").increment();
        }
    }

    @EventHandler
    void on(BillRunStarted started, @Timestamp Instant at) {
        runsStarted.put(started.runId(), at);
        counter("ledger.bill.runs.started", "bill runs started").increment();
    }

    @EventHandler
    void on(BillRunCompleted completed, @Timestamp Instant at) {
        counter("ledger.bill.runs.completed", "bill runs completed").increment();
        subscriptions("billed").increment(completed.billed());
        subscriptions("failed").increment(completed.failed());
        subscriptions("skipped").increment(completed.skipped());
        Instant started = runsStarted.remove(completed.runId());
        if (started != null && !at.isBefore(started)) {
            runDuration.record(Duration.between(started, at));
        }
    }

    @EventHandler
    void on(ProcessStepRefused refused) {
        Counter.builder("ledger.process.steps.refused").tag("process", String.valueOf(refused.process()))
                .description("saga steps refused by their target (business refusals)").register(registry)
                .increment();
    }

    private Counter counter(String name, String description) {
        return Counter.builder(name).description(description).register(registry);
    }

    private Counter subscriptions(String outcome) {
        return Counter.builder("ledger.bill.runs.subscriptions").tag("outcome", outcome)
                .description("subscriptions looked at by completed bill runs, by outcome").register(registry);
    }
}
