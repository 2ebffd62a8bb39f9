package org.subledger.platform.deadletter;

/**
 * One dead letter as an operator sees it: what failed (group, sequence, event), why (the cause; none when it only
 * waits behind an earlier letter of its sequence) and since when.
 */
public record DeadLetterView(String id, String group, String sequenceIdentifier, long sequenceIndex,
                             String aggregateType, String aggregateIdentifier, Long sequenceNumber,
                             String eventType, String eventIdentifier, Long globalIndex, String eventTimestamp,
                             String payload, Cause cause, boolean waitingBehindEarlierLetter,
                             String enqueuedAt, String lastTouched, String processingStarted) {

    /** Why the event failed: the exception's type and message. */
    public record Cause(String type, String message) {
    }
}
