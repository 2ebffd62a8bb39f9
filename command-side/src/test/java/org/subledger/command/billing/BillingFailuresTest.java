package org.subledger.command.billing;

import org.junit.jupiter.api.Test;
import org.subledger.kernel.billing.SubscriptionBillingFailed;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.subscription.BehaviourCode;
import org.subledger.kernel.subscription.SubscriptionAction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.command.billing.BillingFixtures.ACC;
import static org.subledger.command.billing.BillingFixtures.SUB;
import static org.subledger.command.billing.BillingFixtures.date;

class BillingFailuresTest {

    static final LedgerRefusal CLOSED = new LedgerRefusal(ErrorCode.ACCOUNT_CLOSED, "Account " + ACC + " is closed");

    static SubscriptionBillingFailed failed(String code, String reason) {
        return new SubscriptionBillingFailed(SUB, ACC, "run-1", date("2026-02-01"), code, reason,
                new SubscriptionAction(BehaviourCode.BILL, null, null, null));
    }

    @Test
    void aFirstRefusalIsRecorded() {
        assertThat(BillingFailures.worthRecording(BillingFixtures.terminated(date("2026-01-31")), CLOSED)).isTrue();
    }

    @Test
    void theSameRefusalWithNothingHappenedSinceIsNotRecordedAgain() {
        assertThat(BillingFailures.worthRecording(failed("ACCOUNT_CLOSED", "Account " + ACC + " is closed"), CLOSED))
                .isFalse();
    }

    @Test
    void anotherRefusalIsRecorded() {
        assertThat(BillingFailures.worthRecording(failed("CATALOG_ENTRY_NOT_FOUND", "No rate for GOLD"), CLOSED))
                .isTrue();
        assertThat(BillingFailures.worthRecording(failed("ACCOUNT_CLOSED", "Account other is closed"), CLOSED))
                .isTrue();
    }
}
