package org.subledger.kernel.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;

/**
 * An amount of money in one currency. Immutable; always held at the currency's scale (EUR: 2 decimals).
 *
 * <p>This class is the one place where rounding happens: every amount is rounded to the currency's default
 * fraction digits with {@link #ROUNDING} (half-up, the commercial rounding used on the operator's bills). Amounts
 * are VAT inclusive throughout the ledger. Mixing currencies throws. Two amounts are equal when currency and value
 * are equal, whatever scale they were written with (10 = 10.00).
 */
public final class Money implements Comparable<Money> {

    /** The rounding rule of the whole ledger. */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    /**
     * The largest amount accepted from outside, in the currency (one trillion): far above any real posting or rate,
     * far below where a column or a sum could break. Computed amounts (balances, bill totals) are not capped.
     */
    public static final BigDecimal MAX_AMOUNT = BigDecimal.TEN.pow(12);

    private final BigDecimal amount;
    private final Currency currency;

    private Money(BigDecimal amount, Currency currency) {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        this.currency = currency;
        this.amount = amount.setScale(scaleOf(currency), ROUNDING);
    }

    @JsonCreator
    public static Money of(@JsonProperty("amount") BigDecimal amount, @JsonProperty("currency") Currency currency) {
        return new Money(amount, currency);
    }

    public static Money of(String amount, String currencyCode) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** The scale an amount in this currency is kept at; a currency without minor units (JPY) has scale 0. */
    public static int scaleOf(Currency currency) {
        return Math.max(currency.getDefaultFractionDigits(), 0);
    }

    /**
     * Why an amount given from outside is refused in this currency, or empty when it is acceptable: within
     * ±{@link #MAX_AMOUNT}, at most as precise as the currency (nothing is rounded away silently), and not negative
     * (or not zero either) where the caller says so.
     */
    public static Optional<String> inputProblem(BigDecimal amount, Currency currency, Sign sign) {
        if (amount.abs().compareTo(MAX_AMOUNT) > 0) {
            return Optional.of("must be at most " + MAX_AMOUNT.toPlainString());
        }
        if (sign == Sign.POSITIVE && amount.signum() <= 0) {
            return Optional.of("must be positive");
        }
        if (sign == Sign.ZERO_OR_MORE && amount.signum() < 0) {
            return Optional.of("must be zero or more");
        }
        if (amount.stripTrailingZeros().scale() > scaleOf(currency)) {
            return Optional.of("has more decimals than " + currency.getCurrencyCode() + " allows");
        }
        return Optional.empty();
    }

    /** Which signs an amount given from outside may have. */
    public enum Sign { POSITIVE, ZERO_OR_MORE, ANY }

    @JsonProperty("amount")
    public BigDecimal amount() {
        return amount;
    }

    @JsonProperty("currency")
    public Currency currency() {
        return currency;
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    /** Multiplies and rounds once, at the end, to the currency's scale. */
    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor), currency);
    }

    public Money times(long factor) {
        return times(BigDecimal.valueOf(factor));
    }

    @JsonIgnore
    public boolean isPositive() {
        return amount.signum() > 0;
    }

    @JsonIgnore
    public boolean isNegative() {
        return amount.signum() < 0;
    }

    @JsonIgnore
    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException(currency, other.currency);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money other && currency.equals(other.currency) && amount.compareTo(other.amount) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(amount.stripTrailingZeros(), currency);
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
