package org.subledger.command.billing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The asks for usage bills not billed yet ({@code usage_bill_ask}): recorded by the processor that handles
 * {@code UsageBillingDue}, in its transaction; taken, oldest first, by the {@link UsageBillWorker}, and deleted in the
 * transaction of the bills that answer them.
 */
@Repository
class UsageBillAsks {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;

    UsageBillAsks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * An ask: its event, the subscription and account to bill, the audit metadata its bill's events carry, and the
     * attempts that failed on a defect.
     */
    record Ask(long askId, String eventId, String subscriptionId, String accountId, MetaData metaData,
               int attempts, String lastError) {
    }

    /** Records an ask, once: the same event recorded again (a retried dead letter) is one ask. */
    void record(String eventId, String subscriptionId, String accountId, MetaData metaData, Instant askedAt) {
        jdbc.update("""
                insert into usage_bill_ask (event_id, subscription_id, account_id, meta_data, asked_at)
                values (?, ?, ?, ?, ?) on conflict (event_id) do nothing""",
                eventId, subscriptionId, accountId, json(metaData), Timestamp.from(askedAt));
    }

    /** The oldest asks that may be tried now, at most {@code limit}. */
    List<Ask> due(int limit) {
        return jdbc.query("""
                select ask_id, event_id, subscription_id, account_id, meta_data, attempts, last_error
                from usage_bill_ask where not_before <= now() order by ask_id limit ?""",
                (row, n) -> new Ask(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                        metaData(row.getString(5)), row.getInt(6), row.getString(7)), limit);
    }

    /** The asks answered (in the transaction of the bills that answer them). */
    void done(Collection<Long> askIds) {
        if (!askIds.isEmpty()) {
            jdbc.update("delete from usage_bill_ask where ask_id = any (?)", (Object) askIds.toArray(Long[]::new));
        }
    }

    /** An attempt at the ask failed on a defect: tried again after {@code pause}. */
    void failed(long askId, String error, Duration pause) {
        jdbc.update("""
                update usage_bill_ask set attempts = attempts + 1, last_error = ?,
                    not_before = now() + ? * interval '1 millisecond'
                where ask_id = ?""", error, pause.toMillis(), askId);
    }

    private static String json(MetaData metaData) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(metaData));
        } catch (JsonProcessingException unexpected) {
            throw new IllegalArgumentException("audit metadata not writable as JSON: " + metaData, unexpected);
        }
    }

    private static MetaData metaData(String json) {
        try {
            return MetaData.from(JSON.readValue(json, MAP));
        } catch (JsonProcessingException unexpected) {
            throw new IllegalStateException("usage_bill_ask.meta_data not JSON: " + json, unexpected);
        }
    }
}
