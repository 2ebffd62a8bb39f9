package org.subledger.platform.deadletter;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.platform.axon.ProcessorTopology;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The dead letters of every processing group, read straight from {@code dead_letter_entry}, retried through Axon's
 * {@link SequencedDeadLetterProcessor} of their group (so the same handlers, interceptors and savepoints run as in
 * live processing, and a sequence is retried from its first letter, in order), or for a saga's group through its saga
 * manager ({@link SagaDeadLetters}), and evicted; each operator action is recorded in {@code dead_letter_action}.
 */
public class DeadLetters {

    static final int PAYLOAD_SUMMARY_LENGTH = 500;

    private static final String COLUMNS = """
            d.dead_letter_id, d.processing_group, d.sequence_identifier, d.sequence_index, d.aggregate_type,
            d.aggregate_identifier, d.sequence_number, d.payload_type, d.event_identifier, d.time_stamp, d.payload,
            d.cause_type, d.cause_message, d.enqueued_at, d.last_touched, d.processing_started,
            (select e.global_index from domain_event_entry e where e.event_identifier = d.event_identifier)
                as global_index""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Configuration axon;
    private final SagaDeadLetters sagas;
    private final ProcessorTopology topology;
    private final Clock clock;

    DeadLetters(JdbcTemplate jdbc, TransactionTemplate transaction, Configuration axon, SagaDeadLetters sagas,
                ProcessorTopology topology, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.axon = axon;
        this.sagas = sagas;
        this.topology = topology;
        this.clock = clock;
    }

    /** The processing groups that have a dead-letter queue, by name: event handlers' and sagas'. */
    public List<String> groups() {
        var processing = axon.eventProcessingConfiguration();
        return topology.groupsOf(processing.eventProcessors().keySet()).stream()
                .filter(group -> processing.sequencedDeadLetterProcessor(group).isPresent()
                        || sagas.isSagaGroup(group) && processing.deadLetterQueue(group).isPresent())
                .sorted().toList();
    }

    /** Retries the group's least recently tried sequence; whether it was handled to its end. */
    boolean retryAny(String group) {
        if (sagas.isSagaGroup(group)) {
            return sagas.retryAny(group);
        }
        return axon.eventProcessingConfiguration().sequencedDeadLetterProcessor(group).orElseThrow().processAny();
    }

    /** Dead letters per group with a queue, zero included. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        groups().forEach(group -> counts.put(group, 0L));
        jdbc.query("select processing_group, count(*) from dead_letter_entry group by processing_group",
                (ResultSet row) -> {
                    counts.put(row.getString(1), row.getLong(2));
                });
        return counts;
    }

    /** Sequences (aggregates) with dead letters in the group. */
    long sequences(String group) {
        return jdbc.queryForObject("""
                select count(distinct sequence_identifier) from dead_letter_entry where processing_group = ?""",
                Long.class, group);
    }

    public DeadLetterPage<DeadLetterView> list(String group, int page, int size) {
        String where = group == null ? "" : " where d.processing_group = ?";
        Object[] filter = group == null ? new Object[0] : new Object[]{group};
        long total = jdbc.queryForObject("select count(*) from dead_letter_entry d" + where, Long.class, filter);
        List<Object> arguments = new java.util.ArrayList<>(List.of(filter));
        arguments.add(size);
        arguments.add((long) page * size);
        List<DeadLetterView> content = jdbc.query("select " + COLUMNS + " from dead_letter_entry d" + where
                        + " order by d.enqueued_at, d.processing_group, d.sequence_identifier, d.sequence_index"
                        + " limit ? offset ?",
                (row, index) -> view(row), arguments.toArray());
        return DeadLetterPage.of(content, page, size, total);
    }

    public Optional<DeadLetterView> find(String id) {
        return jdbc.query("select " + COLUMNS + " from dead_letter_entry d where d.dead_letter_id = ?",
                (row, index) -> view(row), id).stream().findFirst();
    }

    /**
     * Retries the letter's whole sequence from its first letter, in order, now. A letter that fails again stays,
     * with the new cause; so do the letters behind it.
     */
    public DeadLetterAction retry(String id, String principal) {
        DeadLetterView letter = existing(id);
        if (sagas.isSagaGroup(letter.group())) {
            sagas.retrySequence(letter.group(), letter.sequenceIdentifier());
        } else {
            SequencedDeadLetterProcessor<EventMessage<?>> processor = axon.eventProcessingConfiguration()
                    .sequencedDeadLetterProcessor(letter.group())
                    .orElseThrow(() -> notFound(id));
            processor.process(candidate -> candidate instanceof JdbcDeadLetter<?> stored
                    && stored.getSequenceIdentifier().equals(letter.sequenceIdentifier()));
        }
        var outcome = find(id).isPresent()
                ? DeadLetterAction.Outcome.STILL_DEAD_LETTERED : DeadLetterAction.Outcome.PROCESSED;
        return transaction.execute(status -> record(letter, DeadLetterAction.Kind.RETRY, outcome, principal));
    }

    /** Removes the letter for good: its event is not handled by the group (the letters behind it stay). */
    public DeadLetterAction evict(String id, String principal) {
        return transaction.execute(status -> {
            DeadLetterView letter = existing(id);
            if (jdbc.update("delete from dead_letter_entry where dead_letter_id = ?", id) == 0) {
                throw notFound(id);
            }
            return record(letter, DeadLetterAction.Kind.EVICT, DeadLetterAction.Outcome.EVICTED, principal);
        });
    }

    public DeadLetterPage<DeadLetterAction> actions(int page, int size) {
        long total = jdbc.queryForObject("select count(*) from dead_letter_action", Long.class);
        List<DeadLetterAction> content = jdbc.query("""
                select action_id, dead_letter_id, processing_group, sequence_identifier, payload_type, action,
                       outcome, principal, acted_at
                from dead_letter_action order by action_id desc limit ? offset ?""",
                (row, index) -> new DeadLetterAction(row.getLong(1), row.getString(2), row.getString(3),
                        row.getString(4), row.getString(5), row.getString(6), row.getString(7), row.getString(8),
                        row.getTimestamp(9).toInstant()),
                size, (long) page * size);
        return DeadLetterPage.of(content, page, size, total);
    }

    private DeadLetterAction record(DeadLetterView letter, DeadLetterAction.Kind kind,
                                    DeadLetterAction.Outcome outcome, String principal) {
        var actedAt = clock.instant();
        Long actionId = jdbc.queryForObject("""
                insert into dead_letter_action (dead_letter_id, processing_group, sequence_identifier, payload_type,
                                                action, outcome, principal, acted_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning action_id""", Long.class,
                letter.id(), letter.group(), letter.sequenceIdentifier(), letter.eventType(), kind.name(),
                outcome.name(), principal, Timestamp.from(actedAt));
        return new DeadLetterAction(actionId, letter.id(), letter.group(), letter.sequenceIdentifier(),
                letter.eventType(), kind.name(), outcome.name(), principal, actedAt);
    }

    private DeadLetterView existing(String id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    private static LedgerRefusal notFound(String id) {
        return new LedgerRefusal(ErrorCode.DEAD_LETTER_NOT_FOUND, "No dead letter " + id + ".");
    }

    private DeadLetterView view(ResultSet row) throws SQLException {
        String causeType = row.getString("cause_type");
        var cause = causeType == null ? null
                : new DeadLetterView.Cause(causeType, row.getString("cause_message"));
        long sequenceNumber = row.getLong("sequence_number");
        Long number = row.wasNull() ? null : sequenceNumber;
        return new DeadLetterView(row.getString("dead_letter_id"), row.getString("processing_group"),
                row.getString("sequence_identifier"), row.getLong("sequence_index"), row.getString("aggregate_type"),
                row.getString("aggregate_identifier"), number, row.getString("payload_type"),
                row.getString("event_identifier"), globalIndex(row), row.getString("time_stamp"),
                summary(row.getBytes("payload")), cause, cause == null, row.getString("enqueued_at"),
                row.getString("last_touched"), row.getString("processing_started"));
    }

    private static String summary(byte[] payload) {
        if (payload == null) {
            return null;
        }
        String text = new String(payload, StandardCharsets.UTF_8);
        return text.length() <= PAYLOAD_SUMMARY_LENGTH ? text : text.substring(0, PAYLOAD_SUMMARY_LENGTH) + "…";
    }

    /** The event's position in the event store (none for an event that was never stored there). */
    private static Long globalIndex(ResultSet row) throws SQLException {
        long index = row.getLong("global_index");
        return row.wasNull() ? null : index;
    }
}
