package org.subledger.platform.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The hash chain and its digests ({@code ledger.audit.*}).
 *
 * @param chain  the chainer
 * @param digest the digest log
 */
@ConfigurationProperties("ledger.audit")
public record AuditProperties(Chain chain, Digest digest) {

    public AuditProperties {
        chain = chain == null ? new Chain(null, null, null, null, null) : chain;
        digest = digest == null ? new Digest(null, null) : digest;
    }

    /**
     * @param enabled      whether this node runs a chainer (one node chains at a time whatever this says)
     * @param interval     how often the chainer looks for new events
     * @param batchSize    events chained per transaction
     * @param gapTimeout   how long an unused global index is waited for before it is chained as a gap; short is
     *                     safe, since an event committed in a gap later is chained then, at the end
     * @param gapRetention how long a gap is watched for such a late event (no append transaction lasts this long)
     */
    public record Chain(Boolean enabled, Duration interval, Integer batchSize, Duration gapTimeout,
                        Duration gapRetention) {
        public Chain {
            enabled = enabled == null || enabled;
            interval = interval == null ? Duration.ofMillis(500) : interval;
            batchSize = batchSize == null ? 2_000 : batchSize;
            gapTimeout = gapTimeout == null ? Duration.ofSeconds(10) : gapTimeout;
            gapRetention = gapRetention == null ? Duration.ofHours(1) : gapRetention;
        }
    }

    /**
     * @param interval how often a digest is written to {@code audit_digest} and to the file
     * @param file     the digest file (one line per digest); default {@code audit-digests.log} in the embedded
     *                 PostgreSQL's data directory, else in {@code ./data}; "none" writes the table only
     */
    public record Digest(Duration interval, Path file) {
        public Digest {
            interval = interval == null ? Duration.ofHours(1) : interval;
        }
    }
}
