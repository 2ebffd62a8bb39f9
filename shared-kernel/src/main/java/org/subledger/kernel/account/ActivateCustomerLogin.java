package org.subledger.kernel.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The customer activates its login with the token it was given and the password it chose: {@code tokenHash} is the
 * token's SHA-256, {@code passwordHash} the password already encoded with bcrypt. Neither ever reaches an event.
 */
public record ActivateCustomerLogin(@TargetAggregateIdentifier String accountId, String tokenHash,
                                    String passwordHash) {

    @Override
    public String toString() {
        // never the hashes: commands are logged when they fail
        return "ActivateCustomerLogin[" + accountId + "]";
    }
}
