package org.subledger.command.billing;

import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How the usage-bill worker makes a group of the asks it takes, and how long it leaves an ask that failed on a defect.
 * The billing itself, its transactions and its failures are proven against the real ledger (UsageBillWorkerIT).
 */
class UsageBillWorkerTest {

    @Test
    void aSubscriptionIsBilledOnceHoweverManyAsksItHasWithItsOldestAsksAuditTrailAndGroupsAreOrderedByAccount() {
        List<UsageBillAsks.Ask> asks = List.of(ask(7, "sub-b", "acc-2"), ask(3, "sub-a", "acc-9"),
                ask(5, "sub-b", "acc-2"), ask(4, "sub-c", "acc-1"));

        Map<String, List<UsageBillAsks.Ask>> bySubscription = UsageBillWorker.bySubscription(asks);

        assertThat(bySubscription.get("sub-b")).extracting(UsageBillAsks.Ask::askId).containsExactly(5L, 7L);
        assertThat(bySubscription.get("sub-b").get(0).metaData()).containsEntry("causationId", "event-5");
        assertThat(UsageBillWorker.candidates(bySubscription)).containsExactly(
                new BillWriter.Candidate("acc-1", "sub-c"), new BillWriter.Candidate("acc-2", "sub-b"),
                new BillWriter.Candidate("acc-9", "sub-a"));
    }

    @Test
    void anAskThatFailedWaitsTwiceAsLongAfterEachFailureUpToTheLongestPause() {
        var properties = new UsageBillProperties(null, null, Duration.ofSeconds(1), Duration.ofSeconds(5), null);

        assertThat(List.of(1, 2, 3, 4, 10).stream().map(properties::pauseAfter)).containsExactly(
                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(5),
                Duration.ofSeconds(5));
        var defaults = new UsageBillProperties(null, null, null, null, null);
        assertThat(defaults.groupSize()).isEqualTo(200);
        assertThat(defaults.attempts()).isEqualTo(5);
    }

    @Test
    void settingsThatCouldNeverBillAreRefused() {
        assertThatThrownBy(() -> new UsageBillProperties(0, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("group-size");
        assertThatThrownBy(() -> new UsageBillProperties(null, 0, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("attempts");
        assertThatThrownBy(() -> new UsageBillProperties(null, null, Duration.ofMinutes(10), Duration.ofMinutes(1),
                null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max-pause");
        assertThatThrownBy(() -> new UsageBillProperties(null, null, null, null, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("poll-interval");
    }

    private static UsageBillAsks.Ask ask(long askId, String subscriptionId, String accountId) {
        return new UsageBillAsks.Ask(askId, "event-" + askId, subscriptionId, accountId,
                MetaData.with("causationId", "event-" + askId), 0, null);
    }
}
