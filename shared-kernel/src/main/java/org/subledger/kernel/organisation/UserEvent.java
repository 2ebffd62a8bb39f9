package org.subledger.kernel.organisation;

import org.subledger.kernel.event.DomainEvent;

/** An event of a user of the ledger; any of them ends the trust placed in the user's verified credentials. */
public interface UserEvent extends DomainEvent {
    String userName();
}
