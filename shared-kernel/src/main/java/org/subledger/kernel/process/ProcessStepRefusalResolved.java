package org.subledger.kernel.process;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.event.DomainEvent;

/** Someone looked at a refused process step and dealt with it: it no longer needs attention. */
@Revision("1")
public record ProcessStepRefusalResolved(String refusalId, String resolution, String resolvedBy)
        implements DomainEvent {
}
