package org.subledger.platform.axon;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which processor runs which group, and the configurations it refuses at start-up. */
class ProcessorTopologyTest {

    private final ProcessorTopology topology = new ProcessorTopology(
            Map.of("read-models", List.of("account-summary", "account-statement")));

    @Test
    void aListedGroupRunsInItsSharedProcessorAndEveryOtherInOneNamedAfterIt() {
        assertThat(topology.processorOf("account-summary")).isEqualTo("read-models");
        assertThat(topology.processorOf("webhooks")).isEqualTo("webhooks");
        assertThat(topology.groupsOf("read-models")).containsExactly("account-summary", "account-statement");
        assertThat(topology.groupsOf("webhooks")).containsExactly("webhooks");
        assertThat(topology.groupsOf(List.of("read-models", "webhooks")))
                .containsExactly("account-summary", "account-statement", "webhooks");
        assertThat(topology.isShared("read-models")).isTrue();
        assertThat(topology.isShared("webhooks")).isFalse();
        assertThat(topology.runsShared("account-summary")).isTrue();
        assertThat(topology.runsShared("webhooks")).isFalse();
    }

    @Test
    void aSharedProcessorSendsNothingUnlessListedAsDispatching() {
        var both = new ProcessorTopology(Map.of("read-models", List.of("account-summary"),
                "process-managers", List.of("bill-runs", "usage-billing")), List.of("process-managers"));

        assertThat(both.sharedProcessorsSendingNothing()).containsExactly("read-models");
        assertThat(both.processorOf("usage-billing")).isEqualTo("process-managers");
        assertThat(topology.sharedProcessorsSendingNothing()).containsExactly("read-models");
        assertThatThrownBy(() -> new ProcessorTopology(Map.of("read-models", List.of("account-summary")),
                List.of("bill-runs"))).hasMessageContaining("dispatching processor bill-runs is not a shared processor");
    }

    @Test
    void refusesAGroupInTwoProcessorsAndAProcessorNamedAfterAnotherProcessorsGroup() {
        assertThatThrownBy(() -> new ProcessorTopology(Map.of("a", List.of("x"), "b", List.of("x"))))
                .hasMessageContaining("x is assigned to two shared processors");
        assertThatThrownBy(() -> new ProcessorTopology(Map.of("a", List.of("b"), "b", List.of("c"))))
                .hasMessageContaining("has the name of a processing group of a");
        assertThatThrownBy(() -> new ProcessorTopology(Map.of("a", List.of())))
                .hasMessageContaining("names no processing group");
    }
}
