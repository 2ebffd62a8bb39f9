package org.subledger.app;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.boot.test.context.TestComponent;
import org.subledger.kernel.account.AccountOpened;

/**
 * A test-only projection that fails on accounts whose id starts with {@code poison-}, to show where a failing event
 * goes: into its processing group's dead-letter queue in PostgreSQL.
 */
@TestComponent
@ProcessingGroup(DeadLetterProbe.GROUP)
class DeadLetterProbe {

    static final String GROUP = "dead-letter-probe";

    @EventHandler
    void on(AccountOpened event) {
        if (event.accountId().startsWith("poison-")) {
            throw new IllegalStateException("this projection cannot handle " + event.accountId());
        }
    }
}
