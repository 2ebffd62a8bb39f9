package org.subledger.projection.billing;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.subledger.kernel.billing.SubscriptionBilled;
import org.subledger.kernel.usage.UsageRecorded;
import org.subledger.projection.support.UnitOfWorkBuffer;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds {@code unbilled_usage}: a usage record enters when it is recorded and leaves when a
 * {@link SubscriptionBilled} lists it. Both events are on the subscription's stream, so they arrive in order; a batch
 * keeps only the last word on each record (recorded, or billed) and writes the survivors with one JDBC batch each.
 * Inserting an existing record or deleting a missing one changes nothing, so redelivery is harmless.
 */
@Component
@ProcessingGroup(BillingProjectionsConfiguration.PROCESSING_GROUP)
class UnbilledUsageProjection {

    private static final String INSERT = """
            insert into unbilled_usage (subscription_id, record_id, account_id, product_code, used_at, amount,
                                        currency, recorded_on)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (subscription_id, record_id) do nothing""";
    private static final String DELETE = """
            delete from unbilled_usage where subscription_id = ? and record_id = any(?)""";

    private record Key(String subscriptionId, String recordId) {
    }

    private record Row(Key key, String accountId, String productCode, LocalDateTime usedAt, BigDecimal amount,
                       String currency, LocalDate recordedOn) {
    }

    /** The last word of the batch on each record: recorded (to insert) or billed (to delete), never both. */
    private static final class Pending {
        final Map<Key, Row> recorded = new LinkedHashMap<>();
        final Map<String, Set<String>> billed = new LinkedHashMap<>();
    }

    private final JdbcTemplate jdbc;
    private final UnitOfWorkBuffer<Pending> pending;

    UnbilledUsageProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.pending = new UnitOfWorkBuffer<>("billing.pending-usage", Pending::new, this::write);
    }

    @EventHandler
    void on(UsageRecorded event) {
        var key = new Key(event.subscriptionId(), event.recordId());
        var row = new Row(key, event.accountId(), event.productCode(), event.usedAt(), event.amount().amount(),
                event.amount().currency().getCurrencyCode(), event.recordedOn());
        pending.add(batch -> {
            batch.recorded.put(key, row);
            var billed = batch.billed.get(key.subscriptionId());
            if (billed != null) {
                billed.remove(key.recordId());
            }
        });
    }

    @EventHandler
    void on(SubscriptionBilled event) {
        if (event.usageRecordIds().isEmpty()) {
            return;
        }
        pending.add(batch -> event.usageRecordIds().forEach(recordId -> {
            batch.recorded.remove(new Key(event.subscriptionId(), recordId));
            batch.billed.computeIfAbsent(event.subscriptionId(), id -> new LinkedHashSet<>()).add(recordId);
        }));
    }

    @ResetHandler
    void reset() {
        jdbc.execute("truncate table unbilled_usage");
    }

    private void write(Pending batch) {
        var deletes = batch.billed.entrySet().stream().filter(entry -> !entry.getValue().isEmpty()).toList();
        if (!deletes.isEmpty()) {
            jdbc.batchUpdate(DELETE, deletes, deletes.size(), (statement, entry) -> {
                statement.setString(1, entry.getKey());
                statement.setArray(2, statement.getConnection().createArrayOf("varchar",
                        entry.getValue().toArray(String[]::new)));
            });
        }
        List<Row> inserts = new ArrayList<>(batch.recorded.values());
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate(INSERT, inserts, inserts.size(), UnbilledUsageProjection::bind);
        }
    }

    private static void bind(PreparedStatement statement, Row usage) throws SQLException {
        statement.setString(1, usage.key().subscriptionId());
        statement.setString(2, usage.key().recordId());
        statement.setString(3, usage.accountId());
        statement.setString(4, usage.productCode());
        statement.setObject(5, usage.usedAt());
        statement.setBigDecimal(6, usage.amount());
        statement.setString(7, usage.currency());
        statement.setObject(8, usage.recordedOn());
    }
}
