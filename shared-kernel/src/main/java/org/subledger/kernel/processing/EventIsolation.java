package org.subledger.kernel.processing;

/**
 * How the platform tells event handlers that the events of the current batch are handled one at a time, each in a
 * savepoint of its own: after a batch failed, so that the one faulty event can be found and dead-lettered while the
 * others commit. A handler that buffers its writes for the whole batch must then write each event's at once, so that
 * a failing statement fails that event's handling (dead-lettered) rather than the batch's commit (retried for ever).
 */
public final class EventIsolation {

    /** Present in the resources of the root unit of work while its events are handled in isolation. */
    public static final String RESOURCE_KEY = "ledger.event-isolation";

    private EventIsolation() {
    }
}
