package org.subledger.platform.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.billing.BillRunStarted;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A bill run started before runs could be scoped to accounts reads back as a run over every account. */
class BillRunScopeUpcasterTest {

    private static final String STARTED_1 = """
            {"runId":"run-1","billingDate":"2026-02-01","billingFrequency":"MONTHLY","subscriptionTypeCode":null}""";

    @Test
    void aRevisionOneRunIsOverEveryAccount() {
        var started = read("1", STARTED_1);

        assertThat(started.accountIds()).isNull();
        assertThat(started.runId()).isEqualTo("run-1");
        assertThat(started.billingDate()).isEqualTo(LocalDate.of(2026, 2, 1));
    }

    @Test
    void aRevisionTwoRunKeepsItsAccounts() {
        var started = read("2", STARTED_1.replace("null}", "null,\"accountIds\":[\"acc-1\",\"acc-2\"]}"));

        assertThat(started.accountIds()).containsExactly("acc-1", "acc-2");
    }

    private static BillRunStarted read(String revision, String payload) {
        var stored = new GenericDomainEventEntry<>("BillRun", "run-1", 0, "event-1",
                Instant.parse("2026-02-01T00:00:00Z"), BillRunStarted.class.getName(), revision, payload, "{}");
        List<? extends DomainEventMessage<?>> events = EventStreamUtils.upcastAndDeserializeDomainEvents(
                Stream.of(stored), StorageJson.serializer(), new EventUpcasterChain(new BillRunScopeUpcaster()))
                .asStream().toList();
        assertThat(events).hasSize(1);
        return (BillRunStarted) events.get(0).getPayload();
    }
}
