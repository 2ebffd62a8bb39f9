package org.subledger.command.usage;

import org.axonframework.modelling.command.ConcurrencyException;
import org.postgresql.PGConnection;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.subscription.UsageTally;
import org.subledger.kernel.usage.UsageRecorded;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code unbilled_batch_usage} table (V3_1020): one row per unbilled batch record, its {@link UsageRecorded} in the
 * event store's JSON. Written and read in the callers' transactions (Axon's unit of work and the bill's transaction
 * hold the Spring transaction this template joins).
 */
@Repository
class JdbcUnbilledBatchUsage implements UnbilledBatchUsage {

    /**
     * The rows copied in ({@code COPY}, CSV: each value quoted, its quotes doubled): a third of the cost of an insert
     * a row. Nothing to skip: the batch's claim of the record ids ({@link UsageRecordIds}) let through only records
     * never recorded.
     */
    private static final String COPY = "copy unbilled_batch_usage (subscription_id, record_id, payload, amount,"
            + " currency) from stdin with (format csv)";
    private static final String DELETE = """
            delete from unbilled_batch_usage u using unnest(?::varchar[], ?::varchar[]) as b (subscription_id, record_id)
            where u.subscription_id = b.subscription_id and u.record_id = b.record_id""";

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final SerializedType type;

    JdbcUnbilledBatchUsage(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.type = serializer.typeForClass(UsageRecorded.class);
    }

    @Override
    public void add(List<UsageRecorded> records) {
        if (records.isEmpty()) {
            return;
        }
        StringBuilder csv = new StringBuilder(records.size() * 400);
        for (UsageRecorded record : records) {
            quoted(csv, record.subscriptionId()).append(',');
            quoted(csv, record.recordId()).append(',');
            quoted(csv, serializer.serialize(record, String.class).getData()).append(',');
            csv.append(record.amount().amount().toPlainString()).append(',');
            csv.append(record.amount().currency().getCurrencyCode()).append('\n');
        }
        byte[] data = csv.toString().getBytes(StandardCharsets.UTF_8);
        jdbc.execute((ConnectionCallback<Long>) connection -> {
            try {
                return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new ByteArrayInputStream(data));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static StringBuilder quoted(StringBuilder csv, String value) {
        csv.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            csv.append(c);
            if (c == '"') {
                csv.append('"');
            }
        }
        return csv.append('"');
    }

    @Override
    public Map<String, List<UsageRecorded>> unbilled(Collection<String> subscriptionIds) {
        Map<String, List<UsageRecorded>> unbilled = new LinkedHashMap<>();
        if (subscriptionIds.isEmpty()) {
            return unbilled;
        }
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("""
                    select subscription_id, payload from unbilled_batch_usage where subscription_id = any (?)
                    order by subscription_id, record_id""");
            statement.setArray(1, connection.createArrayOf("varchar", subscriptionIds.toArray()));
            return statement;
        }, row -> {
            UsageRecorded record = serializer.deserialize(new SimpleSerializedObject<>(row.getString(2),
                    String.class, type));
            unbilled.computeIfAbsent(row.getString(1), id -> new ArrayList<>()).add(record);
        });
        return unbilled;
    }

    @Override
    public Map<String, UsageTally> tallies(Collection<String> subscriptionIds) {
        Map<String, UsageTally> tallies = new HashMap<>();
        if (subscriptionIds.isEmpty()) {
            return tallies;
        }
        // one range of the primary key per subscription: as many rows as it has unbilled, which its scheme's early
        // usage bill bounds
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("""
                    select subscription_id, currency, count(*), sum(amount) from unbilled_batch_usage
                    where subscription_id = any (?) group by subscription_id, currency""");
            statement.setArray(1, connection.createArrayOf("varchar", subscriptionIds.toArray()));
            return statement;
        }, row -> {
            tallies.merge(row.getString(1), new UsageTally(row.getLong(3), Money.of(row.getBigDecimal(4),
                    Currency.getInstance(row.getString(2)))), UsageTally::plus);
        });
        return tallies;
    }

    @Override
    public void billed(Map<String, ? extends Collection<String>> recordIdsBySubscription) {
        // in the order of the keys, as every writer of the table: two transactions never wait for each other crosswise
        var pairs = RecordIdPairs.inKeyOrder(recordIdsBySubscription);
        if (pairs.isEmpty()) {
            return;
        }
        Integer deleted = jdbc.execute((ConnectionCallback<Integer>) connection -> {
            try (PreparedStatement statement = connection.prepareStatement(DELETE)) {
                statement.setArray(1, connection.createArrayOf("varchar", pairs.subscriptionIds().toArray()));
                statement.setArray(2, connection.createArrayOf("varchar", pairs.recordIds().toArray()));
                return statement.executeUpdate();
            }
        });
        if (deleted == null || deleted != pairs.recordIds().size()) {
            throw new ConcurrencyException("Of " + pairs.recordIds().size() + " batch usage records billed, " + deleted
                    + " were still unbilled: another bill included the others first");
        }
    }
}
