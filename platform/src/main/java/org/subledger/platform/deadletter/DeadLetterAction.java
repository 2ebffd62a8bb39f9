package org.subledger.platform.deadletter;

import java.time.Instant;

/** What an operator did to a dead letter, by whom and when, and what came of it. */
public record DeadLetterAction(long actionId, String deadLetterId, String group, String sequenceIdentifier,
                               String eventType, String action, String outcome, String principal, Instant actedAt) {

    /** What an operator may do to a dead letter. */
    public enum Kind { RETRY, EVICT }

    /** What came of it: the sequence was handled, its first letter still fails (or is busy), or it was removed. */
    public enum Outcome { PROCESSED, STILL_DEAD_LETTERED, EVICTED }
}
