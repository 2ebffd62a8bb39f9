package org.subledger.kernel.usage;

import java.time.LocalDateTime;

/**
 * A usage detail record (UDR) as a client sends it: its id (unique per client; a record id seen before on the
 * subscription is a duplicate and records nothing), the usage service (product code) used, and when it was used, in
 * the subscriber's local time (time-of-day rates look at it).
 */
public record UsageRecord(String recordId, String productCode, LocalDateTime usedAt) {
}
