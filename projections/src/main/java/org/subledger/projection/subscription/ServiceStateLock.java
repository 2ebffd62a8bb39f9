package org.subledger.projection.subscription;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Makes the two writers of {@code subscription_service.provisioning_state} take turns: the services projection (a
 * new row takes its state from {@code provisioning_request} by trigger) and the provisioning state projection (an
 * answered request updates the row). They run on separate processors; under READ COMMITTED a row inserted while a
 * request was being answered saw the request unanswered, and the answer's update did not see the uncommitted row, so
 * the service stayed PENDING for good (found by a projection check of the demo). The lock is taken in a statement of
 * its own before the writes, so the writes' snapshots see what the other committed; one lock for all rows, so no
 * batch of either can deadlock with the other.
 */
final class ServiceStateLock {

    /** The advisory lock's key ("SVCSTATE" in ASCII). */
    private static final long KEY = 0x5356435354415445L;

    private ServiceStateLock() {
    }

    /** Takes the lock until the current transaction ends (again within one transaction: at once). */
    static void take(JdbcTemplate jdbc) {
        jdbc.query("select pg_advisory_xact_lock(?)", rows -> null, KEY);
    }
}
