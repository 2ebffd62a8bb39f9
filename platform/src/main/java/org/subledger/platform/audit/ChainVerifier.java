package org.subledger.platform.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Recomputes the chain from the event table up to a digest someone kept, one pass in chain order. Each event's
 * recomputed hash is compared with the stored link: the first difference names the event, and the check goes on
 * from the stored link so that every changed or missing event is named, not just the first. Only the digest proves
 * the stored links themselves: if the events agree with the links but the end differs from the digest, the chain
 * was rebuilt after the digest was taken ({@link Verification.Kind#DIGEST_MISMATCH}).
 */
public class ChainVerifier {

    static final int MAX_FINDINGS = 100;
    /** The column where the event's {@link ChainedEvent#COLUMNS} start in the verifying query. */
    private static final int EVENT = 5;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    public ChainVerifier(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        // a cursor, not the whole table in memory: PostgreSQL streams only inside a transaction
        this.jdbc.setFetchSize(5_000);
        this.readOnly = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.readOnly.setReadOnly(true);
    }

    public Verification verify(long digestPosition, String digestHash) {
        long started = System.nanoTime();
        var pass = new Pass(digestPosition);
        readOnly.executeWithoutResult(status -> {
            jdbc.query("select c.position, c.global_index, c.event_identifier, c.hash, " + ChainedEvent.COLUMNS
                    + " from audit_chain c left join domain_event_entry e on e.global_index = c.global_index"
                    + " where c.position <= ? order by c.position", pass::link, digestPosition);
            jdbc.query("select e.global_index, e.event_identifier from domain_event_entry e"
                    + " where e.global_index <= (select watermark from audit_chain_head where id = 1)"
                    + " and not exists (select 1 from audit_chain c where c.global_index = e.global_index)"
                    + " and not exists (select 1 from audit_chain_gap g where g.global_index = e.global_index)"
                    + " order by e.global_index limit ?", rows -> {
                pass.find(Verification.Kind.EXTRA, null, rows.getLong(1), rows.getString(2),
                        "in the event table, never chained");
            }, MAX_FINDINGS);
        });
        return pass.result(digestHash, (System.nanoTime() - started) / 1_000_000);
    }

    private static final class Pass {
        private final long digestPosition;
        private final ChainHash hashing = new ChainHash();
        private final List<Verification.Finding> findings = new ArrayList<>();
        private byte[] hash = ChainHash.GENESIS;
        private long position;
        private long read;

        Pass(long digestPosition) {
            this.digestPosition = digestPosition;
        }

        void link(java.sql.ResultSet rows) throws java.sql.SQLException {
            long at = rows.getLong(1);
            long globalIndex = rows.getLong(2);
            String chainedId = rows.getString(3);
            byte[] stored = rows.getBytes(4);
            if (at != position + 1) {
                find(Verification.Kind.CHAIN_BROKEN, position + 1, null, null,
                        "chain positions " + (position + 1) + " to " + (at - 1) + " are missing");
            }
            position = at;
            if (rows.getBytes(EVENT + 1) == null) { // the outer join found no event: its identifier is null
                find(Verification.Kind.MISSING, at, globalIndex, chainedId, "chained, no longer in the event table");
                hash = stored;
                return;
            }
            read++;
            byte[] recomputed = hashing.next(hash, rows, EVENT);
            if (!Arrays.equals(recomputed, stored)) {
                find(Verification.Kind.CHANGED, at, globalIndex, rows.getString(EVENT + 1),
                        "its bytes differ from those chained (" + rows.getString(EVENT + 6) + ")");
                hash = stored;
                return;
            }
            hash = recomputed;
        }

        void find(Verification.Kind kind, Long at, Long globalIndex, String eventIdentifier, String detail) {
            if (findings.size() < MAX_FINDINGS) {
                findings.add(new Verification.Finding(kind, at, globalIndex, eventIdentifier, detail));
            }
        }

        Verification result(String digestHash, long millis) {
            String recomputed = position == digestPosition ? ChainHash.hex(hash) : null;
            if (position < digestPosition) {
                find(Verification.Kind.CHAIN_BROKEN, position + 1, null, null,
                        "the chain ends at position " + position + ", before the digest's " + digestPosition);
            } else if (findings.isEmpty() && !ChainHash.hex(hash).equalsIgnoreCase(digestHash)) {
                find(Verification.Kind.DIGEST_MISMATCH, digestPosition, null, null,
                        "the events agree with the stored chain, whose hash at this position is not the digest's");
            }
            return new Verification(findings.isEmpty(), digestPosition, digestHash.toLowerCase(), recomputed, read,
                    millis, List.copyOf(findings));
        }
    }
}
