package org.subledger.query.audit;

import java.util.List;

/** The complete history of an account, oldest event first. */
public record AccountEventsView(String accountId, List<AuditedEvent> events) {
}
