package org.subledger.kernel.account;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.event.DomainEvent;

/** The account was reclassified. */
@Revision("1")
public record AccountClassificationChanged(String accountId, String previousClassification, String classification)
        implements DomainEvent {
}
