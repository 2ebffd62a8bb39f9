package org.subledger.kernel.billing;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.event.DomainEvent;

/**
 * A bill run finished: of {@code subscriptionsTotal} selected subscriptions, {@code billed} got a bill, {@code skipped}
 * had nothing due (already billed, or billed in arrears later) and {@code failed} could not be billed.
 */
@Revision("1")
public record BillRunCompleted(String runId,
                               long subscriptionsTotal,
                               long billed,
                               long skipped,
                               long failed) implements DomainEvent {
}
