package org.subledger.kernel.collections;

/** How often a run definition starts a run by itself. */
public enum RecurrenceFrequency {
    /** Every day at the given time. */
    DAILY,
    /** Every week on the given day, at the given time. */
    WEEKLY,
    /** The first given weekday of every month (e.g. the first Monday), at the given time. */
    MONTHLY_FIRST_WEEKDAY,
    /** The given day of every month (the month's last day when it is shorter), at the given time. */
    MONTHLY
}
