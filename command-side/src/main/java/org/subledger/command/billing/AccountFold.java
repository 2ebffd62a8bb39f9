package org.subledger.command.billing;

import org.axonframework.eventhandling.DomainEventMessage;
import org.subledger.kernel.account.AccountClassificationChanged;
import org.subledger.kernel.account.AccountClosed;
import org.subledger.kernel.account.AccountOpened;
import org.subledger.kernel.account.AccountPosting;
import org.subledger.kernel.account.CreditRatingChanged;
import org.subledger.kernel.catalog.ConditionAttribute;
import org.subledger.kernel.money.Money;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Folds an account's own stream into what billing needs of it ({@link BillingAccount}). */
final class AccountFold {

    private AccountFold() {
    }

    /** The account, or null when the stream holds no opened account. */
    static BillingAccount of(List<DomainEventMessage<?>> stream) {
        if (stream == null || stream.isEmpty() || !(stream.get(0).getPayload() instanceof AccountOpened opened)) {
            return null;
        }
        Money balance = Money.zero(opened.currency());
        Map<ConditionAttribute, String> facts = new EnumMap<>(ConditionAttribute.class);
        if (opened.type() != null) {
            facts.put(ConditionAttribute.CUSTOMER_TYPE, opened.type().name());
        }
        put(facts, ConditionAttribute.ACCOUNT_CLASSIFICATION, opened.classification());
        put(facts, ConditionAttribute.ACCOUNT_CREDIT_RATING, opened.creditRating());
        boolean closed = false;
        for (DomainEventMessage<?> message : stream) {
            Object event = message.getPayload();
            if (event instanceof AccountPosting posting) {
                balance = balance.plus(posting.balanceEffect());
            } else if (event instanceof AccountClassificationChanged changed) {
                put(facts, ConditionAttribute.ACCOUNT_CLASSIFICATION, changed.classification());
            } else if (event instanceof CreditRatingChanged changed) {
                put(facts, ConditionAttribute.ACCOUNT_CREDIT_RATING, changed.creditRating());
            } else if (event instanceof AccountClosed) {
                closed = true;
            }
        }
        long lastSequence = stream.get(stream.size() - 1).getSequenceNumber();
        return new BillingAccount(opened.accountId(), opened.currency(), balance, facts, closed, lastSequence);
    }

    private static void put(Map<ConditionAttribute, String> facts, ConditionAttribute attribute, String value) {
        if (value == null) {
            facts.remove(attribute);
        } else {
            facts.put(attribute, value);
        }
    }
}
