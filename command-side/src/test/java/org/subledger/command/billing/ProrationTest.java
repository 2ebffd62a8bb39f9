package org.subledger.command.billing;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.subledger.command.billing.BillingFixtures.date;
import static org.subledger.command.billing.BillingFixtures.eur;

/** Billing periods counted from the anchor, proration rounded once, tax parts of VAT-inclusive amounts. */
class ProrationTest {

    private static final LocalDate JAN_31 = date("2026-01-31");

    @Test
    void countsEveryBoundaryFromTheAnchorNeverFromThePreviousBoundary() {
        assertThat(Proration.boundary(JAN_31, 1, 1)).isEqualTo(date("2026-02-28"));
        assertThat(Proration.boundary(JAN_31, 1, 2)).isEqualTo(date("2026-03-31"));
        assertThat(Proration.periodIndex(JAN_31, 1, date("2026-02-28"))).isEqualTo(1);
        assertThat(Proration.periodIndex(JAN_31, 1, date("2026-02-27"))).isZero();
        assertThat(Proration.periodIndex(JAN_31, 1, date("2026-03-30"))).isEqualTo(1);
        assertThat(Proration.periodIndex(JAN_31, 3, date("2026-04-30"))).isEqualTo(1);
        assertThat(Proration.periodIndex(JAN_31, 1, date("2026-01-30"))).isEqualTo(-1);
    }

    @Test
    void splitsARangeAtPeriodBoundaries() {
        var pieces = Proration.split(JAN_31, 1, date("2026-02-10"), date("2026-04-05"));

        assertThat(pieces).extracting(Proration.Piece::from, Proration.Piece::to, Proration.Piece::whole)
                .containsExactly(
                        tuple(date("2026-02-10"), date("2026-02-28"), false),
                        tuple(date("2026-02-28"), date("2026-03-31"), true),
                        tuple(date("2026-03-31"), date("2026-04-05"), false));
        assertThat(pieces.get(0).days()).isEqualTo(18);
        assertThat(pieces.get(0).daysInPeriod()).isEqualTo(28);
    }

    @Test
    void proratesOnceAndRoundsHalfUp() {
        assertThat(Proration.prorate(eur("5.00"), 17, 30)).isEqualTo(eur("2.83"));
        assertThat(Proration.prorate(eur("10.00"), 1, 8)).isEqualTo(eur("1.25"));
        assertThat(Proration.prorate(eur("0.10"), 1, 8)).isEqualTo(eur("0.01"));
        assertThat(Proration.prorate(eur("0.20"), 1, 8)).as("0.025 rounds up").isEqualTo(eur("0.03"));
        assertThat(Proration.prorate(eur("-0.20"), 1, 8)).as("half away from zero").isEqualTo(eur("-0.03"));
    }

    @Test
    void takesTheTaxPartOutOfAVatInclusiveAmount() {
        assertThat(Proration.taxPart(eur("30.00"), new BigDecimal("19"))).isEqualTo(eur("4.79"));
        assertThat(Proration.taxPart(eur("119.00"), new BigDecimal("19"))).isEqualTo(eur("19.00"));
        assertThat(Proration.taxPart(eur("30.00"), null)).isEqualTo(eur("0.00"));
    }
}
