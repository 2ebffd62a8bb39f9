package org.subledger.query.account;

import org.subledger.kernel.account.StatementLine;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One posting on a statement. {@code amount} is always positive; {@code balanceEffect} is signed (positive: the
 * customer owes more); {@code runningBalance} is the balance right after the posting. All in {@code currency}.
 */
public record StatementLineView(long sequenceNumber,
                                String postingId,
                                String entryType,
                                Instant postedAt,
                                String narrative,
                                String reference,
                                BigDecimal amount,
                                BigDecimal balanceEffect,
                                BigDecimal runningBalance,
                                String currency) {

    static StatementLineView of(StatementLine line) {
        return new StatementLineView(line.sequenceNumber(), line.postingId(), line.entryType(), line.postedAt(),
                line.narrative(), line.reference(), AccountView.amountOf(line.amount()),
                AccountView.amountOf(line.balanceEffect()), AccountView.amountOf(line.runningBalance()),
                line.amount().currency().getCurrencyCode());
    }
}
