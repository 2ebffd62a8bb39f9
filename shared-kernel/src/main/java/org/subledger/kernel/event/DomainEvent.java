package org.subledger.kernel.event;

/**
 * Marker of every event type in the ledger's stored contract. Events are immutable records named in the past tense;
 * once shipped, an event type changes only with a new {@code @Revision} and an upcaster.
 */
public interface DomainEvent {
}
