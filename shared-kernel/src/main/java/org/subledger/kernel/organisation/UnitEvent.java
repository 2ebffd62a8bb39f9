package org.subledger.kernel.organisation;

import org.subledger.kernel.event.DomainEvent;

/** An event of an organisational unit; any of them may change what the members of many users may see. */
public interface UnitEvent extends DomainEvent {
    String code();
}
