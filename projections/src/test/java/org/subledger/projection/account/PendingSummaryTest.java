package org.subledger.projection.account;

import org.junit.jupiter.api.Test;
import org.subledger.kernel.account.AccountOpened;
import org.subledger.kernel.account.AccountPosting;
import org.subledger.kernel.account.AccountStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.subledger.projection.account.AccountHistoryFixture.eur;
import static org.subledger.projection.account.AccountHistoryFixture.timeOf;

class PendingSummaryTest {

    private final AccountHistoryFixture history = AccountHistoryFixture.newAccount()
            .opened().charged("30.00", "30.00").paid("10.00", "20.00");
    private final PendingSummary summary = new PendingSummary(history.accountId);

    @Test
    void foldsAnOpeningAndItsPostingsIntoOneCompleteRow() {
        foldAll();

        assertThat(summary.complete()).isTrue();
        assertThat(summary.version).isEqualTo(2);
        assertThat(summary.balance).isEqualByComparingTo("20.00");
        assertThat(summary.status).isEqualTo(AccountStatus.UNSETTLED);
        assertThat(summary.lastMovementType).isEqualTo(EntryType.PAYMENT);
        assertThat(summary.lastMovementAt).isEqualTo(timeOf(2));
        assertThat(summary.creditLimit).isEqualByComparingTo("500.00");
        assertThat(summary.name).isEqualTo("Ada Lovelace");
    }

    @Test
    void ignoresAnEventNotNewerThanTheLastOneFolded() {
        foldAll();
        var charge = (AccountPosting) history.payloadOf(1);

        summary.posted(charge, 1, timeOf(1));

        assertThat(summary.version).isEqualTo(2);
        assertThat(summary.balance).isEqualByComparingTo("20.00");
    }

    @Test
    void changesOnlyWhatTheEventsOfABatchWithoutTheOpeningChange() {
        summary.creditLimitAmended(eur("900.00"), 3);

        assertThat(summary.complete()).isFalse();
        assertThat(summary.creditLimitChanged).isTrue();
        assertThat(summary.moved).isFalse();
        assertThat(summary.creditRatingChanged).isFalse();
        assertThat(summary.classificationChanged).isFalse();
        assertThat(summary.closed).isFalse();
    }

    @Test
    void leavesTheFoldUntouchedWhenAnEventCannotBeRead() {
        var broken = new AccountOpened(history.accountId, null, null, null, null, null, null, null, null, null);

        assertThatThrownBy(() -> summary.opened(broken, 0, timeOf(0))).isInstanceOf(NullPointerException.class);

        assertThat(summary.version).isEqualTo(-1);
        assertThat(summary.complete()).isFalse();
    }

    private void foldAll() {
        summary.opened((AccountOpened) history.payloadOf(0), 0, timeOf(0));
        summary.posted((AccountPosting) history.payloadOf(1), 1, timeOf(1));
        summary.posted((AccountPosting) history.payloadOf(2), 2, timeOf(2));
    }
}
