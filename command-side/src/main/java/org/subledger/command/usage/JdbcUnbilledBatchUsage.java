package org.subledger.command.usage;

import org.axonframework.modelling.command.ConcurrencyException;
import org.postgresql.PGConnection;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.rating.RatingLine;
import org.subledger.kernel.subscription.BehaviourCode;
import org.subledger.kernel.subscription.SubscriptionAction;
import org.subledger.kernel.subscription.UsageTally;
import org.subledger.kernel.usage.UsageRecorded;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The batch records' rows of {@code usage_record_id} (V3_1060): each record's id claim carries its
 * {@link UsageRecorded} in columns of its own while it is unbilled (its {@code amount} set), and the identifier of its
 * batch event for good. Written and read in the callers' transactions (Axon's unit of work and the bill's transaction
 * hold the Spring transaction this template joins). Readers see the unbilled rows through
 * {@code reporting.unbilled_usage} (with the records of the billing read models) and the batch events through
 * {@code batch_usage_event}.
 */
@Repository
class JdbcUnbilledBatchUsage implements UnbilledBatchUsage {

    /**
     * The rows copied in ({@code COPY}, CSV: each text quoted, its quotes doubled; a null an empty field unquoted):
     * a third of the cost of an insert a row. A row whose key is there already fails the copy (a duplicate key): its
     * record was recorded before, or by a concurrent batch that committed first.
     */
    private static final String COPY = "copy usage_record_id (" + String.join(", ", Column.NAMES)
            + ", event_id) from stdin with (format csv)";
    /** A subscription's unbilled rows, through their partial index whatever its history holds (V3_1060). */
    private static final String UNBILLED = "select " + String.join(", ", Column.NAMES)
            + " from unbilled_batch_records(?) order by subscription_id, record_id";
    /**
     * The rows billed lose their values and keep their batch event (a bill's explanation finds it); answers the number
     * of rows that were unbilled. A record is billed once: a row found billed already is a lost race, which rolls back.
     */
    private static final String BILL = "select bill_batch_records(?, ?)";
    /** The keys' order of {@link RecordIdPairs}. */
    private static final Comparator<UsageRecorded> KEY_ORDER = Comparator.comparing(UsageRecorded::subscriptionId)
            .thenComparing(UsageRecorded::recordId);

    private final JdbcTemplate jdbc;

    JdbcUnbilledBatchUsage(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(List<UsageRecorded> records, String eventId) {
        if (records.isEmpty()) {
            return;
        }
        // in the order of the keys, as every writer of the table: two transactions never wait for each other crosswise
        List<UsageRecorded> inKeyOrder = new ArrayList<>(records);
        inKeyOrder.sort(KEY_ORDER);
        StringBuilder csv = new StringBuilder(records.size() * 240);
        for (UsageRecorded record : inKeyOrder) {
            Column.write(csv, record);
            csv.append(',').append(eventId).append('\n');
        }
        byte[] data = csv.toString().getBytes(StandardCharsets.UTF_8);
        try {
            jdbc.execute((ConnectionCallback<Long>) connection -> {
                try {
                    return connection.unwrap(PGConnection.class).getCopyAPI()
                            .copyIn(COPY, new ByteArrayInputStream(data));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (DuplicateKeyException taken) {
            throw new RecordIdsTaken("A usage record of the batch was recorded already", taken);
        }
    }

    @Override
    public Map<String, List<UsageRecorded>> unbilled(Collection<String> subscriptionIds) {
        Map<String, List<UsageRecorded>> unbilled = new LinkedHashMap<>();
        if (subscriptionIds.isEmpty()) {
            return unbilled;
        }
        jdbc.query(connection -> {
            var statement = connection.prepareStatement(UNBILLED);
            statement.setArray(1, connection.createArrayOf("varchar", subscriptionIds.toArray()));
            return statement;
        }, row -> {
            UsageRecorded record = Column.read(row);
            unbilled.computeIfAbsent(record.subscriptionId(), id -> new ArrayList<>()).add(record);
        });
        return unbilled;
    }

    /**
     * A record's columns, in {@link #NAMES}' order: every value of its {@link UsageRecorded}, so that a record read
     * back equals the one written. The rating line's amounts are in the record's currency (one rate prices both); its
     * {@code units} is null when the record has no rating line, and the four action columns when it has no action. The
     * time used is kept as its ISO-8601 text: a request may give it to the nanosecond, finer than a {@code timestamp}.
     */
    static final class Column {

        static final List<String> NAMES = List.of("subscription_id", "record_id", "account_id", "product_code",
                "usage_catalog_code", "related_service_code", "used_at", "amount", "currency", "rating_level",
                "rating_units", "unit_amount", "line_amount", "recorded_on", "behaviour_code",
                "business_classification_code", "action_type", "sub_action_type");

        private Column() {
        }

        /** The record's columns, without the line's end (the caller may add columns). */
        static void write(StringBuilder csv, UsageRecorded record) {
            Currency currency = record.amount().currency();
            RatingLine line = record.explanation();
            if (line != null && !(currency.equals(line.unitAmount().currency())
                    && currency.equals(line.amount().currency()))) {
                throw new IllegalStateException("Usage " + record.recordId() + " is rated in " + currency
                        + " but its rating line in " + line.unitAmount().currency() + "/" + line.amount().currency());
            }
            SubscriptionAction action = record.action();
            text(csv, record.subscriptionId()).append(',');
            text(csv, record.recordId()).append(',');
            text(csv, record.accountId()).append(',');
            text(csv, record.productCode()).append(',');
            text(csv, record.usageCatalogCode()).append(',');
            text(csv, record.relatedServiceCode()).append(',');
            text(csv, record.usedAt() == null ? null : record.usedAt().toString()).append(',');
            csv.append(record.amount().amount().toPlainString()).append(',');
            csv.append(currency.getCurrencyCode()).append(',');
            if (line == null) {
                csv.append(",,,,");
            } else {
                text(csv, line.level()).append(',');
                csv.append(line.units()).append(',');
                csv.append(line.unitAmount().amount().toPlainString()).append(',');
                csv.append(line.amount().amount().toPlainString()).append(',');
            }
            csv.append(record.recordedOn() == null ? "" : record.recordedOn().toString()).append(',');
            text(csv, action == null || action.behaviourCode() == null ? null : action.behaviourCode().name())
                    .append(',');
            text(csv, action == null ? null : action.businessClassificationCode()).append(',');
            text(csv, action == null ? null : action.actionType()).append(',');
            text(csv, action == null ? null : action.subActionType());
        }

        /** A text quoted, its quotes doubled; a null as nothing (CSV's null). */
        private static StringBuilder text(StringBuilder csv, String value) {
            if (value == null) {
                return csv;
            }
            csv.append('"');
            if (value.indexOf('"') < 0) {
                return csv.append(value).append('"'); // the common case, appended whole
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                csv.append(c);
                if (c == '"') {
                    csv.append('"');
                }
            }
            return csv.append('"');
        }

        static UsageRecorded read(ResultSet row) throws SQLException {
            Currency currency = Currency.getInstance(row.getString("currency"));
            long units = row.getLong("rating_units");
            RatingLine line = row.wasNull() ? null : new RatingLine(row.getString("rating_level"), units,
                    Money.of(row.getBigDecimal("unit_amount"), currency),
                    Money.of(row.getBigDecimal("line_amount"), currency));
            String behaviour = row.getString("behaviour_code");
            SubscriptionAction action = behaviour == null && row.getString("action_type") == null
                    && row.getString("business_classification_code") == null
                    && row.getString("sub_action_type") == null ? null
                    : new SubscriptionAction(behaviour == null ? null : BehaviourCode.valueOf(behaviour),
                    row.getString("business_classification_code"), row.getString("action_type"),
                    row.getString("sub_action_type"));
            String usedAt = row.getString("used_at");
            return new UsageRecorded(row.getString("subscription_id"), row.getString("account_id"),
                    row.getString("record_id"), row.getString("product_code"), row.getString("usage_catalog_code"),
                    row.getString("related_service_code"), usedAt == null ? null : LocalDateTime.parse(usedAt),
                    Money.of(row.getBigDecimal("amount"), currency), line,
                    row.getObject("recorded_on", LocalDate.class), action);
        }
    }

    @Override
    public Map<String, UsageTally> tallies(Collection<String> subscriptionIds) {
        Map<String, UsageTally> tallies = new HashMap<>();
        if (subscriptionIds.isEmpty()) {
            return tallies;
        }
        // one range of the partial index per subscription: as many rows as it has unbilled, which its scheme's early
        // usage bill bounds
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("""
                    select subscription_id, currency, count(*), sum(amount) from unbilled_batch_records(?)
                    group by subscription_id, currency""");
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
        Long billed = jdbc.execute((ConnectionCallback<Long>) connection -> {
            try (PreparedStatement statement = connection.prepareStatement(BILL)) {
                statement.setArray(1, connection.createArrayOf("varchar", pairs.subscriptionIds().toArray()));
                statement.setArray(2, connection.createArrayOf("varchar", pairs.recordIds().toArray()));
                try (ResultSet count = statement.executeQuery()) {
                    count.next();
                    return count.getLong(1);
                }
            }
        });
        if (billed == null || billed != pairs.recordIds().size()) {
            throw new ConcurrencyException("Of " + pairs.recordIds().size() + " batch usage records billed, " + billed
                    + " were still unbilled: another bill included the others first");
        }
    }
}
