package org.subledger.kernel.money;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency JPY = Currency.getInstance("JPY");
    private final Random random = new Random();

    @Test
    void tenEqualsTenPointZeroZero() {
        assertThat(Money.of("10", "EUR")).isEqualTo(Money.of("10.00", "EUR"));
        assertThat(Money.of("10", "EUR").hashCode()).isEqualTo(Money.of("10.00", "EUR").hashCode());
    }

    @Test
    void keepsTheCurrencysScale() {
        assertThat(Money.of("10", "EUR").amount()).isEqualByComparingTo("10.00").hasScaleOf(2);
        assertThat(Money.of(new BigDecimal("1500"), JPY).amount().scale()).isZero();
    }

    @Test
    void roundsHalfUpInOnePlace() {
        assertThat(Money.of("0.125", "EUR").amount()).isEqualByComparingTo("0.13");
        assertThat(Money.of("0.124", "EUR").amount()).isEqualByComparingTo("0.12");
        assertThat(Money.of("40.00", "EUR").times(new BigDecimal("1.5")).amount()).isEqualByComparingTo("60.00");
    }

    @Test
    void anAmountFromOutsideIsBoundedExactAndSignedAsTheOperationSays() {
        assertThat(Money.inputProblem(new BigDecimal("1e400"), EUR, Money.Sign.ANY)).isPresent();
        assertThat(Money.inputProblem(new BigDecimal("99999999999999999999.99"), EUR, Money.Sign.ANY)).isPresent();
        assertThat(Money.inputProblem(Money.MAX_AMOUNT, EUR, Money.Sign.POSITIVE)).isEmpty();
        assertThat(Money.inputProblem(Money.MAX_AMOUNT.negate(), EUR, Money.Sign.ANY)).isEmpty();
        assertThat(Money.inputProblem(new BigDecimal("-1"), EUR, Money.Sign.ZERO_OR_MORE))
                .contains("must be zero or more");
        assertThat(Money.inputProblem(BigDecimal.ZERO, EUR, Money.Sign.POSITIVE)).contains("must be positive");
        assertThat(Money.inputProblem(BigDecimal.ZERO, EUR, Money.Sign.ZERO_OR_MORE)).isEmpty();
        assertThat(Money.inputProblem(new BigDecimal("1.005"), EUR, Money.Sign.ANY))
                .contains("has more decimals than EUR allows");
        assertThat(Money.inputProblem(new BigDecimal("1.50000"), EUR, Money.Sign.ANY)).isEmpty();
        assertThat(Money.inputProblem(new BigDecimal("1.5"), JPY, Money.Sign.ANY)).isPresent();
    }

    @Test
    void refusesToMixCurrencies() {
        assertThatThrownBy(() -> Money.of("1", "EUR").plus(Money.of("1", "USD")))
                .isInstanceOf(CurrencyMismatchException.class);
    }

    @Test
    void amountsOfDifferentCurrenciesAreNotEqual() {
        assertThat(Money.of("1", "EUR")).isNotEqualTo(Money.of("1", "USD"));
    }

    @RepeatedTest(50)
    void additionIsCommutativeAndSubtractionUndoesIt() {
        Money a = randomMoney();
        Money b = randomMoney();
        assertThat(a.plus(b)).isEqualTo(b.plus(a));
        assertThat(a.plus(b).minus(b)).isEqualTo(a);
        assertThat(a.plus(a.negate()).isZero()).isTrue();
    }

    @RepeatedTest(50)
    void everyResultStaysAtTheCurrencysScale() {
        Money a = randomMoney();
        assertThat(a.times(new BigDecimal(random.nextInt(1000)).movePointLeft(3)).amount().scale()).isEqualTo(2);
        assertThat(a.plus(randomMoney()).amount().scale()).isEqualTo(2);
    }

    private Money randomMoney() {
        return Money.of(BigDecimal.valueOf(random.nextLong(-1_000_000, 1_000_000), 2), EUR);
    }
}
