package org.subledger.command.subscription;

import org.subledger.kernel.account.CustomerType;
import org.subledger.kernel.catalog.ConditionAttribute;
import org.subledger.kernel.money.Money;

import java.util.Currency;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a subscription needs to know of the accounts-receivable account that owns it: that it exists and is open,
 * its currency, its address (the default subscription location and billing address), and the facts a conditional
 * price plan's select conditions look at; and its balance and credit limit, which decide whether it may order more
 * ({@code creditLimit} {@code null}: no limit); and the unit that owns it, which decides who may subscribe it to more.
 */
public record AccountFacts(String accountId,
                    CustomerType customerType,
                    Currency currency,
                    String classification,
                    String creditRating,
                    String address,
                    boolean closed,
                    Money balance,
                    Money creditLimit,
                    String owningUnit) {

    /** An account of no owning unit (opened before units existed). */
    AccountFacts(String accountId, CustomerType customerType, Currency currency, String classification,
                 String creditRating, String address, boolean closed, Money balance, Money creditLimit) {
        this(accountId, customerType, currency, classification, creditRating, address, closed, balance, creditLimit,
                null);
    }

    /** The balance owed is over the credit limit (equal to it is still within). */
    public boolean overCreditLimit() {
        return creditLimit != null && balance != null && balance.isGreaterThan(creditLimit);
    }

    /** The account's side of the facts conditions are evaluated against; absent facts are left out. */
    Map<ConditionAttribute, String> conditionFacts() {
        Map<ConditionAttribute, String> facts = new EnumMap<>(ConditionAttribute.class);
        if (customerType != null) {
            facts.put(ConditionAttribute.CUSTOMER_TYPE, customerType.name());
        }
        if (classification != null) {
            facts.put(ConditionAttribute.ACCOUNT_CLASSIFICATION, classification);
        }
        if (creditRating != null) {
            facts.put(ConditionAttribute.ACCOUNT_CREDIT_RATING, creditRating);
        }
        return facts;
    }

    AccountFacts withClassification(String newClassification) {
        return new AccountFacts(accountId, customerType, currency, newClassification, creditRating, address, closed,
                balance, creditLimit, owningUnit);
    }

    AccountFacts withCreditRating(String newCreditRating) {
        return new AccountFacts(accountId, customerType, currency, classification, newCreditRating, address, closed,
                balance, creditLimit, owningUnit);
    }

    AccountFacts asClosed() {
        return new AccountFacts(accountId, customerType, currency, classification, creditRating, address, true,
                balance, creditLimit, owningUnit);
    }

    AccountFacts withCreditLimit(Money newCreditLimit) {
        return new AccountFacts(accountId, customerType, currency, classification, creditRating, address, closed,
                balance, newCreditLimit, owningUnit);
    }

    AccountFacts withBalance(Money newBalance) {
        return new AccountFacts(accountId, customerType, currency, classification, creditRating, address, closed,
                newBalance, creditLimit, owningUnit);
    }
}
