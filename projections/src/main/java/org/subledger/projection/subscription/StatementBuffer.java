package org.subledger.projection.subscription;

import org.springframework.jdbc.core.JdbcTemplate;
import org.subledger.projection.support.UnitOfWorkBuffer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The statements a subscription projection makes for one batch of events, run in the order they were made: each run
 * of consecutive statements with the same SQL goes to PostgreSQL as one JDBC batch. Order matters (a service removed
 * and added again in one batch), so statements are never regrouped across runs.
 *
 * <p>The driver rewrites a batch of inserts into one multi-row insert, and PostgreSQL refuses an upsert
 * ({@code on conflict … do update}) that meets the same key twice in one statement (a subscription created and
 * activated in one batch upserts its services twice). So a run of upserts ends before a statement whose key another
 * statement of the run has; the upserts here lead with their conflict key (its first two arguments).
 */
final class StatementBuffer {

    private record Statement(String sql, Object[] arguments) {
    }

    private final JdbcTemplate jdbc;
    private final UnitOfWorkBuffer<List<Statement>> pending;
    private final Runnable beforeRun;

    StatementBuffer(String name, JdbcTemplate jdbc) {
        this(name, jdbc, () -> { });
    }

    /** A buffer that does {@code beforeRun} (in the same transaction) before it runs a batch's statements. */
    StatementBuffer(String name, JdbcTemplate jdbc, Runnable beforeRun) {
        this.jdbc = jdbc;
        this.beforeRun = beforeRun;
        this.pending = new UnitOfWorkBuffer<>(name, ArrayList::new, this::run);
    }

    /** Adds statements to the batch. Arguments must be computed (and any failure raised) before this call. */
    void add(List<String> sql, List<Object[]> arguments) {
        pending.add(statements -> {
            for (int i = 0; i < sql.size(); i++) {
                statements.add(new Statement(sql.get(i), arguments.get(i)));
            }
        });
    }

    void add(String sql, Object... arguments) {
        add(List.of(sql), List.<Object[]>of(arguments));
    }

    private void run(List<Statement> statements) {
        if (!statements.isEmpty()) {
            beforeRun.run();
        }
        int start = 0;
        while (start < statements.size()) {
            String sql = statements.get(start).sql();
            int end = start;
            List<Object[]> run = new ArrayList<>();
            boolean upsert = sql.contains("do update");
            Set<List<Object>> keys = new HashSet<>();
            while (end < statements.size() && statements.get(end).sql().equals(sql)
                    && (!upsert || keys.add(key(statements.get(end).arguments())))) {
                run.add(statements.get(end).arguments());
                end++;
            }
            jdbc.batchUpdate(sql, run);
            start = end;
        }
    }

    private static List<Object> key(Object[] arguments) {
        return Arrays.asList(arguments).subList(0, Math.min(2, arguments.length));
    }
}
