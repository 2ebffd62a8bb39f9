package org.subledger.kernel.money;

import java.util.Currency;

/** Two amounts of different currencies were combined: a programming error, never a business outcome. */
public class CurrencyMismatchException extends IllegalArgumentException {
    public CurrencyMismatchException(Currency expected, Currency actual) {
        super("currency mismatch: " + expected.getCurrencyCode() + " vs " + actual.getCurrencyCode());
    }
}
