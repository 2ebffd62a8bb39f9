package org.subledger.kernel.job;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.money.Money;

/**
 * The job was billed, once: the bill (its own stream, {@code BillIssued}) and its posting to the account
 * ({@code BillPosted}) were appended in the same transaction. From now on its contents are closed.
 */
@Revision("1")
public record JobBilled(String jobId, String accountId, String billId, String billNumber, Money total)
        implements JobEvent {
}
