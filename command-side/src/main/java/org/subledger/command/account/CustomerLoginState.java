package org.subledger.command.account;

import org.subledger.kernel.account.AccountOpened;
import org.subledger.kernel.account.CustomerLoginActivated;
import org.subledger.kernel.account.CustomerLoginInvited;

import java.time.Instant;

/**
 * What the account's stream says about its customer login: the identity or registration number the customer may log
 * in with besides the account number, and until when the outstanding activation token is valid. Part of the
 * {@link Account} aggregate's state (and so of its snapshot); no other reader needs it.
 */
class CustomerLoginState {

    /** The identity or registration number, which a customer login accepts besides the account number. */
    private String alias;
    /** Until when the outstanding activation token is valid; {@code null}: none outstanding. */
    private Instant activationExpiresAt;

    /** Applies one event of the account's stream; events that say nothing about the login are ignored. */
    void apply(Object payload) {
        if (payload instanceof AccountOpened opened) {
            alias = AccountRules.blankToNull(opened.person() != null ? opened.person().identityNumber()
                    : opened.company() != null ? opened.company().registrationNumber() : null);
        } else if (payload instanceof CustomerLoginInvited invited) {
            activationExpiresAt = invited.expiresAt();
        } else if (payload instanceof CustomerLoginActivated) {
            activationExpiresAt = null;
        }
    }

    String alias() {
        return alias;
    }

    /** Whether a token handed out and not used yet is still valid at {@code now}. */
    boolean activationOutstandingAt(Instant now) {
        return activationExpiresAt != null && now.isBefore(activationExpiresAt);
    }
}
