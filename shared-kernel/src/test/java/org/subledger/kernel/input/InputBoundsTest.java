package org.subledger.kernel.input;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class InputBoundsTest {

    @Test
    void aCodeIsAtMostItsLengthWithoutControlCharacters() {
        assertThat(InputBounds.textProblem("EUROSPORT-1", 64, false)).isEmpty();
        assertThat(InputBounds.textProblem("x".repeat(64), 64, false)).isEmpty();
        assertThat(InputBounds.textProblem("x".repeat(65), 64, false)).contains("must be at most 64 characters");
        assertThat(InputBounds.textProblem("a\u0000b", 64, false)).contains("must not contain NUL");
        assertThat(InputBounds.textProblem("a\tb", 64, false)).contains("must not contain control characters");
        assertThat(InputBounds.textProblem("a\u007fb", 64, false)).isPresent();
        assertThat(InputBounds.textProblem("a\u0085b", 64, false)).isPresent();
    }

    @Test
    void freeTextMayHoldTabsAndNewLinesButNeverNul() {
        assertThat(InputBounds.textProblem("line one\nline two\r\n\tindented", 500, true)).isEmpty();
        assertThat(InputBounds.textProblem("a\u0000b", 500, true)).contains("must not contain NUL");
        assertThat(InputBounds.textProblem("a\u0007b", 500, true)).isPresent();
    }

    @Test
    void loneSurrogatesAreRefusedAndPairsAccepted() {
        assertThat(InputBounds.textProblem("Caf\u00e9 \uD83D\uDCFA", 64, false)).isEmpty();
        assertThat(InputBounds.textProblem("a\uD800b", 64, false)).contains("must not contain a lone surrogate");
        assertThat(InputBounds.textProblem("a\uDC00", 64, false)).contains("must not contain a lone surrogate");
        assertThat(InputBounds.textProblem("\uD800", 64, false)).isPresent();
    }

    @Test
    void decimalsAreBoundedInSizeAndPrecision() {
        assertThat(InputBounds.decimalProblem(new BigDecimal("1e400"), 4)).isPresent();
        assertThat(InputBounds.decimalProblem(new BigDecimal("-1e400"), 4)).isPresent();
        assertThat(InputBounds.decimalProblem(new BigDecimal("99999999999999999999.99"), 4)).isPresent();
        assertThat(InputBounds.decimalProblem(new BigDecimal("1000000000000"), 4)).isEmpty();
        assertThat(InputBounds.decimalProblem(new BigDecimal("1000000000000.01"), 4)).isPresent();
        assertThat(InputBounds.decimalProblem(new BigDecimal("19.5000"), 4)).isEmpty();
        assertThat(InputBounds.decimalProblem(new BigDecimal("0.00001"), 4)).contains("must have at most 4 decimals");
    }

    @Test
    void integersAndYearsAreBounded() {
        assertThat(InputBounds.integerProblem(1_000_000_000L)).isEmpty();
        assertThat(InputBounds.integerProblem(1_000_000_001L)).isPresent();
        assertThat(InputBounds.integerProblem(Long.MIN_VALUE)).isPresent();
        assertThat(InputBounds.yearInRange(1900)).isTrue();
        assertThat(InputBounds.yearInRange(2999)).isTrue();
        assertThat(InputBounds.yearInRange(1899)).isFalse();
        assertThat(InputBounds.yearInRange(3000)).isFalse();
    }
}
