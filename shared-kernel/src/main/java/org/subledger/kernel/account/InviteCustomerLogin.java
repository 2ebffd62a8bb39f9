package org.subledger.kernel.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Hand the account's customer a one-time activation token, valid until {@code expiresAt}. Carries only the token's
 * SHA-256 ({@code tokenHash}): the token itself is shown once, to the agent, and kept nowhere.
 */
public record InviteCustomerLogin(@TargetAggregateIdentifier String accountId, String tokenHash, Instant expiresAt) {

    @Override
    public String toString() {
        return "InviteCustomerLogin[" + accountId + ", expires " + expiresAt + "]";
    }
}
