package org.subledger.benchmarks;

import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.lang.reflect.Field;

/**
 * Changes to the ledger that are not (yet) settings, applied only when a {@code bench.experiment-*} setting asks for
 * them, to measure a lever before anyone builds it. Never part of a default run; the run's header names any in force.
 */
final class Experiments {

    private Experiments() {
    }

    /**
     * Sets how many events the JDBC event store fetches per query (Axon's {@code BatchingEventStorageEngine}
     * batch size, 100 by default, which the ledger does not configure). A streaming processor's batch can hold no
     * more events than one fetch brings.
     */
    static String eventFetchSize(EventStorageEngine engine, int size) throws ReflectiveOperationException {
        if (!(engine instanceof BatchingEventStorageEngine batching)) {
            throw new IllegalStateException("not a batching event storage engine: " + engine.getClass());
        }
        int before = batching.batchSize();
        Field field = BatchingEventStorageEngine.class.getDeclaredField("batchSize");
        field.setAccessible(true);
        field.setInt(batching, size);
        return "EXPERIMENT: event store fetch size changed from " + before + " to " + batching.batchSize()
                + " events per query (by reflection; not the ledger's own configuration)";
    }
}
