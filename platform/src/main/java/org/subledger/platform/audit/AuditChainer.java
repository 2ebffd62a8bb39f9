package org.subledger.platform.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the hash chain: follows the event table's global index beside the command path (never in a command's
 * transaction) and chains each event once its place is final. A global index not (yet) used is a gap: an append
 * still committing, or one rolled back. The chainer waits for it up to the gap timeout, then records it as a gap
 * and goes on; an event that turns up in a recorded gap later is chained then, at the end of the chain. So the
 * chain's order is the order in which events became visible, and no event is left out however late it commits.
 * One node chains at a time (a transaction-scoped advisory lock); the others find the lock taken and wait.
 */
public class AuditChainer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuditChainer.class);
    /** Arbitrary, but fixed: the advisory lock every node's chainer takes. */
    private static final long LOCK = 0x4c45444745524348L;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final AuditProperties.Chain settings;
    private ScheduledExecutorService executor;
    private volatile boolean running;
    /** Where a gap was first seen, and when (System.nanoTime): this node's own view, as the processors keep it. */
    private long gapAt = -1;
    private long gapSeenNanos;

    public AuditChainer(JdbcTemplate jdbc, TransactionTemplate transactions, AuditProperties.Chain settings) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.settings = settings;
    }

    /** Chains what is final now, in batches; answers how many events it chained. */
    public synchronized int chainAvailable() {
        int total = 0;
        int chained;
        do {
            Integer step = transactions.execute(status -> step());
            chained = step == null ? 0 : step;
            total += chained;
        } while (chained >= settings.batchSize());
        return total;
    }

    private int step() {
        if (!Boolean.TRUE.equals(jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, LOCK))) {
            return 0;
        }
        var head = jdbc.queryForObject("select position, hash, watermark from audit_chain_head where id = 1 for update",
                (rows, n) -> new Head(rows.getLong(1), rows.getBytes(2), rows.getLong(3)));
        var chaining = new Chaining(head);
        jdbc.query("select " + ChainedEvent.COLUMNS + " from domain_event_entry e"
                + " join audit_chain_gap g on g.global_index = e.global_index order by e.global_index",
                chaining::late);
        jdbc.query("select " + ChainedEvent.COLUMNS + " from domain_event_entry e"
                + " where e.global_index > ? order by e.global_index limit ?", chaining::next,
                head.watermark(), settings.batchSize());
        if (chaining.links.isEmpty() && chaining.gaps.isEmpty()) {
            return 0;
        }
        for (long[] gap : chaining.gaps) {
            jdbc.update("insert into audit_chain_gap (global_index) select generate_series(?, ?)", gap[0], gap[1]);
            log.info("Global indexes {} to {} stayed empty for {}: chained as a gap", gap[0], gap[1],
                    settings.gapTimeout());
        }
        for (Long index : chaining.filled) {
            jdbc.update("delete from audit_chain_gap where global_index = ?", index);
        }
        jdbc.batchUpdate("insert into audit_chain (position, global_index, event_identifier, hash) values (?, ?, ?, ?)",
                chaining.links);
        jdbc.update("update audit_chain_head set position = ?, hash = ?, watermark = ? where id = 1",
                chaining.position, chaining.hash, chaining.watermark);
        jdbc.update("delete from audit_chain_gap where skipped_at < now() - make_interval(secs => ?)",
                (double) settings.gapRetention().toSeconds());
        return chaining.links.size();
    }

    /**
     * One step's links, made row by row as the driver hands the rows over: each event hashed from the bytes the
     * driver received ({@link ChainHash#next(byte[], ResultSet, int)}), so no payload is decoded into a String and
     * encoded back (a third of the chainer's CPU in a bill run's profile, more the bigger the events).
     */
    private final class Chaining {
        private final ChainHash hashing = new ChainHash();
        private final List<Object[]> links = new ArrayList<>();
        private final List<long[]> gaps = new ArrayList<>();
        private final List<Long> filled = new ArrayList<>();
        private long position;
        private byte[] hash;
        private long watermark;
        /** A gap not final yet: the rows after it wait for the next step. */
        private boolean stopped;

        Chaining(Head head) {
            this.position = head.position();
            this.hash = head.hash();
            this.watermark = head.watermark();
        }

        /** An event that turned up in a recorded gap: chained now, at the end of the chain. */
        void late(ResultSet rows) throws SQLException {
            long globalIndex = rows.getLong(1);
            link(globalIndex, rows);
            filled.add(globalIndex);
        }

        /** The next event after the watermark, unless a gap before it is not final yet. */
        void next(ResultSet rows) throws SQLException {
            if (stopped) {
                return;
            }
            long globalIndex = rows.getLong(1);
            if (globalIndex != watermark + 1) {
                if (!gapIsFinal(watermark + 1)) {
                    stopped = true;
                    return;
                }
                gaps.add(new long[]{watermark + 1, globalIndex - 1});
            }
            link(globalIndex, rows);
            watermark = globalIndex;
        }

        private void link(long globalIndex, ResultSet rows) throws SQLException {
            hash = hashing.next(hash, rows, 1);
            links.add(new Object[]{++position, globalIndex, rows.getString(2), hash});
        }
    }

    private boolean gapIsFinal(long missing) {
        long now = System.nanoTime();
        if (gapAt != missing) {
            gapAt = missing;
            gapSeenNanos = now;
        }
        return Duration.ofNanos(now - gapSeenNanos).compareTo(settings.gapTimeout()) >= 0;
    }

    private void tick() {
        try {
            chainAvailable();
        } catch (RuntimeException e) {
            // the database may be away (it comes back by itself); the next tick tries again
            log.warn("Hash chain not advanced this time: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            var thread = new Thread(runnable, "audit-chainer");
            thread.setDaemon(true);
            return thread;
        });
        long interval = settings.interval().toMillis();
        executor.scheduleWithFixedDelay(this::tick, interval, interval, TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
        }
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isAutoStartup() {
        return settings.enabled();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private record Head(long position, byte[] hash, long watermark) {
    }
}
