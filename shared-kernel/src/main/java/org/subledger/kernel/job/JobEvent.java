package org.subledger.kernel.job;

import org.subledger.kernel.event.DomainEvent;

/** Something that happened to a job; who did it and when are the event's metadata and timestamp. */
public interface JobEvent extends DomainEvent {

    String jobId();
}
