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
        AccountState state = new AccountState();
        for (DomainEventMessage<?> message : stream) {
            if (AccountState.folds(message.getPayloadType())) {
                state.apply(message.getPayload(), message.getSequenceNumber(), message.getTimestamp());
            }
        }
        if (!state.isOpened()) {
            return null;
        }
        Map<ConditionAttribute, String> facts = new EnumMap<>(ConditionAttribute.class);
        if (state.type() != null) {
            facts.put(ConditionAttribute.CUSTOMER_TYPE, state.type().name());
        }
        put(facts, ConditionAttribute.ACCOUNT_CLASSIFICATION, state.classification());
        put(facts, ConditionAttribute.ACCOUNT_CREDIT_RATING, state.creditRating());
        long lastSequence = stream.get(stream.size() - 1).getSequenceNumber();
        return new BillingAccount(state.accountId(), state.currency(), state.balance(), facts, state.closed(),
                lastSequence, state.receivables());
    }

    private static void put(Map<ConditionAttribute, String> facts, ConditionAttribute attribute, String value) {
        if (value != null) {
            facts.put(attribute, value);
        }
    }
}
