package org.subledger.kernel.account;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.event.DomainEvent;

/** The account was closed with a zero balance and no live subscription; it takes no more postings. */
@Revision("1")
public record AccountClosed(String accountId, String reason) implements DomainEvent {
}
