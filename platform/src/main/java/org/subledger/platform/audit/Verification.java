package org.subledger.platform.audit;

import java.util.List;

/**
 * What verifying the chain against a kept digest found: intact up to the digest's position, or each place where
 * the event table no longer agrees with the chain.
 *
 * @param intact     the events up to {@code position} hash to exactly the digest's hash
 * @param position   the digest's position
 * @param hash       the digest's hash
 * @param recomputed the hash recomputed from the event table at that position (null if the chain ends before it)
 * @param eventsRead events recomputed
 * @param findings   the first differences, in chain order (at most {@link ChainVerifier#MAX_FINDINGS})
 */
public record Verification(boolean intact, long position, String hash, String recomputed, long eventsRead,
                           long millis, List<Finding> findings) {

    public enum Kind {
        /** The event's bytes are not those that were chained. */
        CHANGED,
        /** The chain names an event the event table no longer has. */
        MISSING,
        /** The event table has an event the chain never saw, where every event was already chained. */
        EXTRA,
        /** The chain itself lacks positions, or ends before the digest's position. */
        CHAIN_BROKEN,
        /** The events agree with the stored chain but not with the digest: the chain was rebuilt since. */
        DIGEST_MISMATCH
    }

    public record Finding(Kind kind, Long position, Long globalIndex, String eventIdentifier, String detail) {
    }

    public String summary() {
        if (intact) {
            return "intact up to position " + position;
        }
        var first = findings.get(0);
        return "not intact: " + first.kind() + (first.position() == null ? "" : " at position " + first.position())
                + (first.eventIdentifier() == null ? "" : ", event " + first.eventIdentifier())
                + " (" + first.detail() + ")" + (findings.size() > 1 ? ", and " + (findings.size() - 1) + " more" : "");
    }
}
