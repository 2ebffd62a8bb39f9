package org.subledger.platform.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Gauges read from PostgreSQL in one query per scrape (reused for a second, as the dead-letter gauges are):
 * {@code ledger.scheduler.tasks{state=due|waiting}} — db-scheduler's queue ({@code scheduled_tasks}; due: its
 * execution time has come by the ledger's clock and no node has picked it yet) — and {@code ledger.bill.runs.running},
 * the bill runs started and not completed ({@code bill_run}, the billing read model; NaN on a node without it), and
 * {@code ledger.usage.bills.waiting{state=new|retrying}}, the asks for usage bills not billed yet
 * ({@code usage_bill_ask}; retrying: an attempt failed on a defect; NaN on a node without the command side).
 */
final class TableGauges {

    private static final long REUSE_NANOS = Duration.ofSeconds(1).toNanos();

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private Map<String, Double> values = Map.of();
    private long readAt;

    TableGauges(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void register(MeterRegistry registry) {
        Gauge.builder("ledger.scheduler.tasks", this, gauges -> gauges.value("due")).tag("state", "due")
                .strongReference(true).description("scheduled tasks due and not picked yet").register(registry);
        Gauge.builder("ledger.scheduler.tasks", this, gauges -> gauges.value("waiting")).tag("state", "waiting")
                .strongReference(true).description("scheduled tasks not due yet").register(registry);
        Gauge.builder("ledger.bill.runs.running", this, gauges -> gauges.value("running")).strongReference(true)
                .description("bill runs started and not completed").register(registry);
        Gauge.builder("ledger.usage.bills.waiting", this, gauges -> gauges.value("asks")).tag("state", "new")
                .strongReference(true).description("asks for usage bills not billed yet").register(registry);
        Gauge.builder("ledger.usage.bills.waiting", this, gauges -> gauges.value("retrying"))
                .tag("state", "retrying").strongReference(true)
                .description("asks for usage bills whose last attempt failed on a defect").register(registry);
    }

    private synchronized double value(String name) {
        long now = System.nanoTime();
        if (readAt == 0 || now - readAt > REUSE_NANOS) {
            values = read();
            readAt = now;
        }
        return values.getOrDefault(name, Double.NaN);
    }

    private Map<String, Double> read() {
        Map<String, Double> read = new HashMap<>();
        try {
            jdbc.query("""
                    select count(*) filter (where execution_time <= ?) as due,
                           count(*) filter (where execution_time > ?) as waiting
                    from scheduled_tasks where not picked""", row -> {
                read.put("due", row.getDouble("due"));
                read.put("waiting", row.getDouble("waiting"));
            }, Timestamp.from(clock.instant()), Timestamp.from(clock.instant()));
        } catch (RuntimeException unavailable) {
            // the database is away: the gauges have no value until it is back (readiness says so already)
        }
        try {
            read.put("running", jdbc.queryForObject(
                    "select count(*) from bill_run where status = 'STARTED' and version >= 0", Double.class));
        } catch (RuntimeException noReadModel) {
            // a node whose database holds no billing read model
        }
        try {
            jdbc.query("""
                    select count(*) filter (where attempts = 0) as asks, count(*) filter (where attempts > 0) as retrying
                    from usage_bill_ask""", row -> {
                read.put("asks", row.getDouble("asks"));
                read.put("retrying", row.getDouble("retrying"));
            });
        } catch (RuntimeException noCommandSide) {
            // a node whose database holds no command side
        }
        return read;
    }
}
