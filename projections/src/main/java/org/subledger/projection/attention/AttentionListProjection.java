package org.subledger.projection.attention;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.subledger.kernel.process.ProcessStepRefusalResolved;
import org.subledger.kernel.process.ProcessStepRefused;

import java.time.Instant;

/**
 * Keeps {@code attention_item}: one row per refused process step, marked resolved when someone deals with it. An
 * event delivered again changes nothing (insert once; the resolution is only written on an open row).
 */
@Component
@ProcessingGroup(AttentionListProjection.PROCESSING_GROUP)
class AttentionListProjection {

    static final String PROCESSING_GROUP = "attention-list";

    private final JdbcTemplate jdbc;

    AttentionListProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ProcessStepRefused event, @Timestamp Instant refusedAt) {
        jdbc.update("""
                        insert into attention_item (refusal_id, process, step, step_id, subject_id, target, command,
                                                    code, reason, refused_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (refusal_id) do nothing""",
                event.refusalId(), event.process(), event.step(), event.stepId(), event.subjectId(), event.target(),
                event.command(), event.code().name(), event.reason(), java.sql.Timestamp.from(refusedAt));
    }

    @EventHandler
    void on(ProcessStepRefusalResolved event, @Timestamp Instant resolvedAt) {
        jdbc.update("""
                        update attention_item set resolved_at = ?, resolved_by = ?, resolution = ?
                        where refusal_id = ? and resolved_at is null""",
                java.sql.Timestamp.from(resolvedAt), event.resolvedBy(), event.resolution(), event.refusalId());
    }

    @ResetHandler
    void reset() {
        jdbc.execute("truncate table attention_item");
    }
}
