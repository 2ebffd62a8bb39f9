package org.subledger.platform.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.collections.CollectionRunRequested;
import org.subledger.kernel.collections.CollectionRunStarted;
import org.subledger.kernel.collections.RunDefinitionChanged;
import org.subledger.kernel.collections.RunDefinitionCreated;
import org.subledger.kernel.collections.RunKind;
import org.subledger.kernel.collections.RunSettings;
import org.subledger.kernel.subscription.BehaviourCode;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A run definition's settings stored before scheduled-actions runs read back with no behaviour codes. */
class RunSettingsBehaviourCodesUpcasterTest {

    private static final String SETTINGS_1 = """
            {"name":"Bad creditors","kind":"DEACTIVATION","amountAbove":null,"dueDaysAgo":null,"creditRating":"CAA",
             "amountBasis":null,"hoursSinceBalanceChanged":null,"subscriptionTypes":["GOLD"],"batchSize":100,
             "pauseBetweenBatches":"PT0S","startAgainAfter":null,"recurrence":null}""";

    @Test
    void everyEventCarryingSettingsOfRevisionOneHasNoBehaviourCodes() {
        var created = (RunDefinitionCreated) read(RunDefinitionCreated.class, "1",
                "{\"definitionId\":\"def-1\",\"settings\":" + SETTINGS_1 + "}");
        var changed = (RunDefinitionChanged) read(RunDefinitionChanged.class, "1",
                "{\"definitionId\":\"def-1\",\"settings\":" + SETTINGS_1 + "}");
        var requested = (CollectionRunRequested) read(CollectionRunRequested.class, "1",
                "{\"definitionId\":\"def-1\",\"runId\":\"run-1\",\"asOf\":\"2026-03-01\",\"scheduled\":false,"
                        + "\"settings\":" + SETTINGS_1 + "}");
        var started = (CollectionRunStarted) read(CollectionRunStarted.class, "1",
                "{\"runId\":\"run-1\",\"definitionId\":\"def-1\",\"asOf\":\"2026-03-01\",\"settings\":"
                        + SETTINGS_1 + "}");

        for (RunSettings settings : List.of(created.settings(), changed.settings(), requested.settings(),
                started.settings())) {
            assertThat(settings.behaviourCodes()).isNull();
            assertThat(settings.kind()).isEqualTo(RunKind.DEACTIVATION);
            assertThat(settings.creditRating()).isEqualTo("CAA");
            assertThat(settings.subscriptionTypes()).containsExactly("GOLD");
            assertThat(settings.problems()).isEmpty();
        }
        assertThat(requested.runId()).isEqualTo("run-1");
    }

    @Test
    void aRevisionTwoDefinitionKeepsItsBehaviourCodes() {
        String settings = SETTINGS_1.replace("\"kind\":\"DEACTIVATION\"", "\"kind\":\"SCHEDULED_ACTIONS\"")
                .replace("\"creditRating\":\"CAA\"", "\"creditRating\":null")
                .replace("\"recurrence\":null", "\"recurrence\":null,\"behaviourCodes\":[\"ACTIVATE\",\"DEACTIVATE\"]");
        var created = (RunDefinitionCreated) read(RunDefinitionCreated.class, "2",
                "{\"definitionId\":\"def-1\",\"settings\":" + settings + "}");

        assertThat(created.settings().behaviourCodes())
                .containsExactly(BehaviourCode.ACTIVATE, BehaviourCode.DEACTIVATE);
    }

    private static Object read(Class<?> type, String revision, String payload) {
        var stored = new GenericDomainEventEntry<>("RunDefinition", "def-1", 0, "event-1",
                Instant.parse("2026-03-01T00:00:00Z"), type.getName(), revision, payload, "{}");
        List<? extends DomainEventMessage<?>> events = EventStreamUtils.upcastAndDeserializeDomainEvents(
                Stream.of(stored), StorageJson.serializer(),
                new EventUpcasterChain(new RunSettingsBehaviourCodesUpcaster())).asStream().toList();
        assertThat(events).hasSize(1);
        return events.get(0).getPayload();
    }
}
