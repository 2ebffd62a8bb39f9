package org.subledger.benchmarks;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.subledger.kernel.metadata.LedgerMetadata;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;

import static org.subledger.benchmarks.LedgerBenchmark.log;

/**
 * Seeds the deactivation-run benchmark's customers fast: one customer of each kind (owing 25.00, owing 9.00, owing
 * nothing) is made by the ledger's own commands ({@link DeactivationRunBenchmark#seed}); every other customer is a
 * copy of its kind's account and subscription streams, event for event, with its own ids (the account, the
 * subscription, the device, the posting), serialised and appended through Axon's {@link EventStorageEngine} exactly as
 * the command side stores events, in batches. The projections read the copies as any other events. (On the shared
 * 2-core machine, 100,000 customers through the commands took hours; see docs/benchmarks.md.)
 */
final class CustomerCopies {

    private static final int BATCH = 1_000;

    private final CommandGateway commands;
    private final EventStorageEngine storageEngine;
    private final Serializer serializer;

    CustomerCopies(CommandGateway commands, EventStorageEngine storageEngine, Serializer serializer) {
        this.commands = commands;
        this.storageEngine = storageEngine;
        this.serializer = serializer;
    }

    private record Template(int index, String accountId, String subscriptionId, List<DomainEventMessage<?>> account,
                            List<DomainEventMessage<?>> subscription) {
    }

    void seed(int n, IntFunction<BigDecimal> owes) {
        Map<String, Template> templates = new HashMap<>();
        for (int i = 0; i < n && templates.size() < 3; i++) {
            String kind = String.valueOf(owes.apply(i));
            if (!templates.containsKey(kind)) {
                DeactivationRunBenchmark.seed(commands, i, owes.apply(i));
                String accountId = DeactivationRunBenchmark.accountId(i);
                String subscriptionId = DeactivationRunBenchmark.subscriptionId(i);
                templates.put(kind, new Template(i, accountId, subscriptionId, events(accountId),
                        events(subscriptionId)));
            }
        }
        log("templates made by commands: " + templates.values().stream().map(t -> t.accountId() + " ("
                + t.account().size() + " + " + t.subscription().size() + " events)").toList());
        List<DomainEventMessage<?>> batch = new ArrayList<>(BATCH + 10);
        long copied = 0;
        for (int i = 0; i < n; i++) {
            Template template = templates.get(String.valueOf(owes.apply(i)));
            if (template.index() == i) {
                continue;
            }
            Map<String, String> ids = Map.of(
                    quoted(template.accountId()), quoted(DeactivationRunBenchmark.accountId(i)),
                    quoted(template.subscriptionId()), quoted(UUID.randomUUID().toString()),
                    quoted("STB-" + template.index()), quoted("STB-" + i),
                    quoted("arrears-" + template.index()), quoted("arrears-" + i),
                    quoted("ID-" + template.index()), quoted("ID-" + i));
            for (var event : template.account()) {
                batch.add(copy(event, ids));
            }
            for (var event : template.subscription()) {
                batch.add(copy(event, ids));
            }
            if (batch.size() >= BATCH) {
                storageEngine.appendEvents(batch);
                copied += batch.size();
                batch.clear();
                if (copied % 50_000 < BATCH) {
                    log(String.format("  … %,d events copied (%s)", copied, MachineLoad.now()));
                }
            }
        }
        storageEngine.appendEvents(batch);
    }

    private List<DomainEventMessage<?>> events(String aggregateId) {
        return storageEngine.readEvents(aggregateId).asStream().<DomainEventMessage<?>>map(e -> e).toList();
    }

    private DomainEventMessage<?> copy(DomainEventMessage<?> template, Map<String, String> ids) {
        var serialized = serializer.serialize(template.getPayload(), String.class);
        String json = serialized.getData();
        for (var id : ids.entrySet()) {
            json = json.replace(id.getKey(), id.getValue());
        }
        Object payload = serializer.deserialize(new SimpleSerializedObject<>(json, String.class,
                serialized.getType()));
        String aggregateId = unquoted(ids.getOrDefault(quoted(template.getAggregateIdentifier()),
                quoted(template.getAggregateIdentifier())));
        String correlation = UUID.randomUUID().toString();
        MetaData metaData = template.getMetaData().and(LedgerMetadata.CORRELATION_ID, correlation)
                .and(LedgerMetadata.CAUSATION_ID, correlation);
        return new GenericDomainEventMessage<>(template.getType(), aggregateId, template.getSequenceNumber(),
                payload, metaData);
    }

    private static String quoted(String value) {
        return '"' + value + '"';
    }

    private static String unquoted(String value) {
        return value.substring(1, value.length() - 1);
    }
}
