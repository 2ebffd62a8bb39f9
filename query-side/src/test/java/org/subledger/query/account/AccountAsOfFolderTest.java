package org.subledger.query.account;

import org.junit.jupiter.api.Test;
import org.subledger.kernel.account.AccountClassificationChanged;
import org.subledger.kernel.account.AccountClosed;
import org.subledger.kernel.account.AccountStatus;
import org.subledger.kernel.account.CreditLimitAmended;
import org.subledger.kernel.account.CreditRatingChanged;
import org.subledger.kernel.account.CustomerType;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.kernel.account.AdjustmentDirection.CREDIT;
import static org.subledger.query.account.AccountEvents.adjusted;
import static org.subledger.query.account.AccountEvents.billPosted;
import static org.subledger.query.account.AccountEvents.charged;
import static org.subledger.query.account.AccountEvents.eur;
import static org.subledger.query.account.AccountEvents.opened;
import static org.subledger.query.account.AccountEvents.paid;

class AccountAsOfFolderTest {

    private static final String ID = "ACC-1";
    private static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");

    private final AccountAsOfFolder folder = new AccountAsOfFolder();

    @Test
    void knowsNoAccountBeforeItsOpening() {
        assertThat(folder.summary()).isEmpty();
    }

    @Test
    void opensWithAZeroBalanceAtTheCurrencysScale() {
        var account = folder.apply(opened(ID), 0, T0).summary().orElseThrow();

        assertThat(account.accountId()).isEqualTo(ID);
        assertThat(account.type()).isEqualTo(CustomerType.COMPANY);
        assertThat(account.name()).isEqualTo("Acme Ltd");
        assertThat(account.currency()).isEqualTo("EUR");
        assertThat(account.creditLimit()).isEqualTo(eur("1000.00"));
        assertThat(account.balance().amount()).hasToString("0.00");
        assertThat(account.status()).isEqualTo(AccountStatus.SETTLED);
        assertThat(account.closed()).isFalse();
        assertThat(account.creditRating()).isEqualTo("AA");
        assertThat(account.classification()).isEqualTo("CORPORATE");
        assertThat(account.openedBy()).isEqualTo("agent");
        assertThat(account.openedAt()).isEqualTo(T0);
        assertThat(account.lastMovementAt()).isNull();
        assertThat(account.version()).isZero();
    }

    @Test
    void foldsBillsLikeAnyPostingIncludingOneWhoseCreditsExceedItsCharges() {
        folder.apply(opened(ID), 0, T0)
                .apply(billPosted(ID, "2026-000001", "45.00", "45.00"), 1, T0.plusSeconds(60))
                .apply(billPosted(ID, "2026-000002", "-50.00", "-5.00"), 2, T0.plusSeconds(120));

        var account = folder.summary().orElseThrow();
        assertThat(account.balance()).isEqualTo(eur("-5.00"));
        assertThat(account.status()).isEqualTo(AccountStatus.SETTLED);
        assertThat(account.lastMovementAt()).isEqualTo(T0.plusSeconds(120));
        assertThat(account.version()).isEqualTo(2);
    }

    @Test
    void takesTheBalanceAfterTheLastPostingAndItsTime() {
        folder.apply(opened(ID), 0, T0)
                .apply(charged(ID, "P1", "30.00", "30.00"), 1, T0.plusSeconds(60))
                .apply(paid(ID, "P2", "10.00", "20.00"), 2, T0.plusSeconds(120));

        var account = folder.summary().orElseThrow();
        assertThat(account.balance()).isEqualTo(eur("20.00"));
        assertThat(account.status()).isEqualTo(AccountStatus.UNSETTLED);
        assertThat(account.lastMovementAt()).isEqualTo(T0.plusSeconds(120));
        assertThat(account.version()).isEqualTo(2);
    }

    @Test
    void followsTheCreditLimitRatingClassificationAndClosing() {
        folder.apply(opened(ID), 0, T0)
                .apply(new CreditLimitAmended(ID, eur("1000.00"), eur("1500.00"), "good payer"), 1, T0)
                .apply(new CreditRatingChanged(ID, "AA", "AAA"), 2, T0)
                .apply(new AccountClassificationChanged(ID, "CORPORATE", "VIP"), 3, T0)
                .apply(charged(ID, "P4", "30.00", "30.00"), 4, T0)
                .apply(adjusted(ID, "P5", CREDIT, "30.00", "0.00"), 5, T0)
                .apply(new AccountClosed(ID, "customer left"), 6, T0);

        var account = folder.summary().orElseThrow();
        assertThat(account.creditLimit()).isEqualTo(eur("1500.00"));
        assertThat(account.creditRating()).isEqualTo("AAA");
        assertThat(account.classification()).isEqualTo("VIP");
        assertThat(account.closed()).isTrue();
        assertThat(account.status()).isEqualTo(AccountStatus.SETTLED);
        assertThat(account.version()).isEqualTo(6);
    }

    @Test
    void ignoresEventsOfOtherKindsAndEventsNotNewerThanTheLastApplied() {
        folder.apply(opened(ID), 0, T0)
                .apply(charged(ID, "P1", "30.00", "30.00"), 1, T0.plusSeconds(60))
                .apply("something the account does not know", 2, T0.plusSeconds(90))
                .apply(charged(ID, "P1", "30.00", "99.00"), 1, T0.plusSeconds(60));

        var account = folder.summary().orElseThrow();
        assertThat(account.balance()).isEqualTo(eur("30.00"));
        assertThat(account.version()).isEqualTo(1);
    }

    @Test
    void ignoresPostingsBeforeAnyOpening() {
        folder.apply(charged(ID, "P1", "30.00", "30.00"), 1, T0);

        assertThat(folder.summary()).isEmpty();
    }
}
