package org.subledger.projection;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.fail;

/** Test support for the projection tests: drives processors back over the stream and waits for them. */
@Component
public class ProcessorReplays {

    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;
    private final TransactionTemplate transactions;
    private final EventStore eventStore;

    ProcessorReplays(EventProcessingConfiguration processing, TokenStore tokenStore,
                     TransactionTemplate transactions, EventStore eventStore) {
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.transactions = transactions;
        this.eventStore = eventStore;
    }

    /** Stops the processor, moves its tokens back to the start of the stream and waits until it is back at the head. */
    public void redeliverEverything(String name) {
        var processor = processor(name);
        processor.shutDown();
        int[] segments = transactions.execute(status -> tokenStore.fetchSegments(name));
        transactions.executeWithoutResult(status -> {
            for (int segment : segments) {
                tokenStore.storeToken(null, name, segment);
            }
        });
        for (int segment : segments) {
            transactions.executeWithoutResult(status -> tokenStore.releaseClaim(name, segment));
        }
        long head = eventStore.createHeadToken().position().orElseThrow();
        processor.start();
        await(name + " back at the head", () -> {
            var status = processor.processingStatus();
            return status.size() == segments.length && status.values().stream()
                    .allMatch(segment -> segment.getCurrentPosition().orElse(-1) >= head);
        });
    }

    public StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
    }

    public static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("Timed out waiting for " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }
}
