package org.subledger.kernel.process.query;

import java.time.Instant;

/**
 * A refused process step as the "needs attention" list shows it: what was refused, by whom, why, since when, and
 * whether and how it was resolved ({@code resolvedAt} null: still open).
 */
public record AttentionItem(String refusalId, String process, String step, String stepId, String subjectId,
                            String target, String command, String code, String reason, Instant refusedAt,
                            Instant resolvedAt, String resolvedBy, String resolution) {
}
