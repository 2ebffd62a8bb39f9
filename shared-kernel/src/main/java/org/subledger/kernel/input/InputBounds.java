package org.subledger.kernel.input;

import org.subledger.kernel.money.Money;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The bounds of every value the ledger accepts from outside, stated once. The web edge applies them to every request
 * body, path variable and query parameter before any ledger code runs, so no endpoint can forget them:
 *
 * <ul>
 *   <li>text: a code, key or id (no annotation) is at most {@link #CODE_MAX_LENGTH} characters; a {@link Name} or
 *       {@link FreeText} says its own maximum, never above its column. No text holds NUL or a lone surrogate; only
 *       free text may hold a tab, line feed or carriage return, and no other control character is accepted;</li>
 *   <li>numbers: every decimal is within ±{@link #MAX_AMOUNT} with at most {@link #MAX_DECIMALS} decimals (an
 *       amount at most its currency's); every integer within ±{@link #MAX_INTEGER}; a fraction is never an
 *       integer;</li>
 *   <li>dates and instants: years {@link #MIN_YEAR} to {@link #MAX_YEAR}.</li>
 * </ul>
 */
public final class InputBounds {

    /** Codes, keys and ids: the narrowest code column (product and plan codes are {@code varchar(64)}). */
    public static final int CODE_MAX_LENGTH = 64;
    /** Every decimal, amounts or not: {@link Money#MAX_AMOUNT}. */
    public static final BigDecimal MAX_AMOUNT = Money.MAX_AMOUNT;
    /** Decimals of a number that is not an amount (a tax or usage percentage). */
    public static final int MAX_DECIMALS = 4;
    /** Counts, quantities, unit levels and months. */
    public static final long MAX_INTEGER = 1_000_000_000L;
    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 2999;

    private InputBounds() {
    }

    /** Why a text is refused, or empty when it is acceptable for a field of that maximum length and kind. */
    public static Optional<String> textProblem(String value, int maxLength, boolean freeText) {
        if (value.length() > maxLength) {
            return Optional.of("must be at most " + maxLength + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return Optional.of("must not contain a lone surrogate");
            }
            if (Character.isLowSurrogate(c)) {
                return Optional.of("must not contain a lone surrogate");
            }
            if (c == 0) {
                return Optional.of("must not contain NUL");
            }
            if (Character.isISOControl(c) && !(freeText && (c == '\t' || c == '\n' || c == '\r'))) {
                return Optional.of(freeText ? "must not contain control characters other than tab and new line"
                        : "must not contain control characters");
            }
        }
        return Optional.empty();
    }

    /** Why a decimal is refused, or empty when it is within the bounds and has at most {@code maxDecimals}. */
    public static Optional<String> decimalProblem(BigDecimal value, int maxDecimals) {
        if (value.abs().compareTo(MAX_AMOUNT) > 0) {
            return Optional.of("must be between -" + MAX_AMOUNT.toPlainString() + " and " + MAX_AMOUNT.toPlainString());
        }
        if (value.stripTrailingZeros().scale() > maxDecimals) {
            return Optional.of("must have at most " + maxDecimals + " decimals");
        }
        return Optional.empty();
    }

    /** Why an integer is refused, or empty when it is within ±{@link #MAX_INTEGER}. */
    public static Optional<String> integerProblem(long value) {
        return Math.abs(value) > MAX_INTEGER || value == Long.MIN_VALUE
                ? Optional.of("must be between -" + MAX_INTEGER + " and " + MAX_INTEGER) : Optional.empty();
    }

    public static boolean yearInRange(int year) {
        return year >= MIN_YEAR && year <= MAX_YEAR;
    }

    public static String yearProblem() {
        return "must be in the years " + MIN_YEAR + " to " + MAX_YEAR;
    }
}
