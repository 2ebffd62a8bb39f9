package org.subledger.platform.security;

import org.springframework.context.event.EventListener;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.subledger.kernel.account.CustomerLoginActivated;
import org.subledger.kernel.organisation.UnitEvent;
import org.subledger.kernel.organisation.UserEvent;

/**
 * Ends the trust placed in what authentication has read about a user when the directory changes: a user's event
 * ends that user's verified passwords and its read (so its API keys see the change too); a unit's event, which may
 * change what many users see, ends everyone's. The command side passes the events on from the transaction that
 * records them: forgotten at once, and again after the commit, so a request that read the old row meanwhile is not
 * remembered either.
 */
class DirectoryChanges {

    private final LedgerUsers users;
    private final CachingPasswordAuthentication passwords;

    DirectoryChanges(LedgerUsers users, CachingPasswordAuthentication passwords) {
        this.users = users;
        this.passwords = passwords;
    }

    @EventListener
    void changing(UserEvent event) {
        forget(event);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void changed(UserEvent event) {
        forget(event);
    }

    @EventListener
    void changing(UnitEvent event) {
        forgetAll();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void changed(UnitEvent event) {
        forgetAll();
    }

    /**
     * A customer's new password: every verified password is forgotten, the customer's under whichever name it signs in
     * with (account number, identity number); activations are rare, and everyone else pays one bcrypt check for it.
     */
    @EventListener
    void changing(CustomerLoginActivated event) {
        passwords.forgetAll();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void changed(CustomerLoginActivated event) {
        passwords.forgetAll();
    }

    private void forget(UserEvent event) {
        users.forget(event.userName());
        passwords.forget(event.userName());
    }

    private void forgetAll() {
        users.forgetAll();
        passwords.forgetAll();
    }
}
