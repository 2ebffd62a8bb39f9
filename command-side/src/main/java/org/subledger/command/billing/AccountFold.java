package org.subledger.command.billing;

import org.axonframework.eventhandling.DomainEventMessage;
import org.subledger.kernel.account.AccountState;
import org.subledger.kernel.catalog.ConditionAttribute;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What billing needs of an account ({@link BillingAccount}), folded by the account stream's one {@link AccountState}. */
final class AccountFold {

    private AccountFold() {
    }

    /** The account, or null when the stream holds no opened account. */
    static BillingAccount of(List<DomainEventMessage<?>> stream) {
        if (stream == null || stream.isEmpty()) {
            return null;
        }
        return of(fold(new AccountState(), stream), stream.get(stream.size() - 1).getSequenceNumber());
    }

    /** Applies the events of an account stream {@code state} folds (the others change nothing); returns it. */
    static AccountState fold(AccountState state, List<DomainEventMessage<?>> events) {
        for (DomainEventMessage<?> message : events) {
            if (AccountState.folds(message.getPayloadType())) {
                state.apply(message.getPayload(), message.getSequenceNumber(), message.getTimestamp());
            }
        }
        return state;
    }

    /**
     * The account a fold of its stream describes, up to the stream's last event ({@code lastSequence}, of any type);
     * null when the fold holds no opened account.
     */
    static BillingAccount of(AccountState state, long lastSequence) {
        if (state == null || !state.isOpened()) {
            return null;
        }
        Map<ConditionAttribute, String> facts = new EnumMap<>(ConditionAttribute.class);
        if (state.type() != null) {
            facts.put(ConditionAttribute.CUSTOMER_TYPE, state.type().name());
        }
        put(facts, ConditionAttribute.ACCOUNT_CLASSIFICATION, state.classification());
        put(facts, ConditionAttribute.ACCOUNT_CREDIT_RATING, state.creditRating());
        return new BillingAccount(state.accountId(), state.currency(), state.balance(), facts, state.closed(),
                lastSequence, state.receivables());
    }

    private static void put(Map<ConditionAttribute, String> facts, ConditionAttribute attribute, String value) {
        if (value != null) {
            facts.put(attribute, value);
        }
    }
}
