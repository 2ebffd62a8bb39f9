package org.subledger.kernel.job;

/** Where a job is in its life cycle: registered (PENDING), being worked on, done, or called off. */
public enum JobStatus {
    PENDING,
    IN_PROGRESS,
    COMPLETED,
    CANCELLED
}
