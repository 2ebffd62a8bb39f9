package org.subledger.command.subscription;

import org.junit.jupiter.api.Test;
import org.subledger.command.web.CommandSender;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.usage.RecordMediationBatch;
import org.subledger.kernel.usage.RecordUsageBatch;
import org.subledger.kernel.usage.UsageRecord;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class MediationBatchesTest {

    private final CommandSender sender = mock(CommandSender.class);
    private final List<RecordMediationBatch> sent = new ArrayList<>();

    MediationBatchesTest() {
        when(sender.send(any(RecordMediationBatch.class), eq(ErrorCode.SUBSCRIPTION_NOT_FOUND), eq("batch")))
                .thenAnswer(call -> {
                    RecordMediationBatch batch = call.getArgument(0);
                    sent.add(batch);
                    // answered in reverse: the outcomes are put back in the batch's order by subscription id
                    var outcomes = new ArrayList<>(batch.subscriptions().stream()
                            .map(part -> new MediationBatchHandler.SubscriptionOutcome(part.subscriptionId(),
                                    part.records(), null, null)).toList());
                    java.util.Collections.reverse(outcomes);
                    return outcomes;
                });
    }

    @Test
    void sendsEachPartitionsSubscriptionsAsOneCommandAndAnswersInTheBatchsOrder() {
        var batches = new MediationBatches(sender, 2);
        Map<String, List<UsageRecord>> bySubscription = new LinkedHashMap<>();
        IntStream.range(0, 40).forEach(i -> bySubscription.put("sub-" + (i * 7919 % 101),
                List.of(new UsageRecord("r" + i, "PPV", LocalDateTime.of(2026, 3, 1, 20, 0)))));

        var outcomes = batches.record(bySubscription);

        assertThat(outcomes).extracting(MediationBatchHandler.SubscriptionOutcome::subscriptionId)
                .containsExactlyElementsOf(bySubscription.keySet());
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.records())
                .isEqualTo(bySubscription.get(outcome.subscriptionId())));
        assertThat(sent).hasSize(2);
        for (RecordMediationBatch command : sent) {
            var partitions = command.subscriptions().stream().map(RecordUsageBatch::subscriptionId)
                    .map(batches::partitionOf).distinct().toList();
            assertThat(partitions).hasSize(1);
        }
        assertThat(sent.stream().mapToInt(command -> command.subscriptions().size()).sum()).isEqualTo(40);
    }

    @Test
    void oneCommandForOnePartitionAndNoneForNothing() {
        var single = new MediationBatches(sender, 1);
        single.record(Map.of("a", List.of(), "b", List.of()));
        single.record(Map.of());

        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).subscriptions()).hasSize(2);
        assertThatThrownBy(() -> new MediationBatches(sender, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
