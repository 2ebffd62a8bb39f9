package org.subledger.query.account;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.subledger.query.account.AccountEvents.charged;
import static org.subledger.query.account.AccountEvents.eur;
import static org.subledger.query.account.AccountEvents.opened;
import static org.subledger.query.account.AccountEvents.paid;

class AccountHistoryTest {

    private static final String ID = "ACC-7";
    private static final Instant OPENED = Instant.parse("2025-01-01T10:00:00Z");
    private static final Instant CHARGED = Instant.parse("2025-01-02T10:00:00Z");
    private static final Instant PAID = Instant.parse("2025-01-03T10:00:00Z");

    private final EventStore eventStore = mock(EventStore.class);
    private final AccountHistory history = new AccountHistory(eventStore);

    @BeforeEach
    void storedHistory() {
        when(eventStore.readEvents(ID, 0)).thenAnswer(invocation -> DomainEventStream.of(List.of(
                event(0, opened(ID), OPENED),
                event(1, charged(ID, "P1", "30.00", "30.00"), CHARGED),
                event(2, paid(ID, "P2", "30.00", "0.00"), PAID))));
    }

    @Test
    void rebuildsTheAccountFromEveryEventUpToTheInstantIncluded() {
        var account = history.asOf(ID, CHARGED).orElseThrow();

        assertThat(account.balance()).isEqualTo(eur("30.00"));
        assertThat(account.lastMovementAt()).isEqualTo(CHARGED);
        assertThat(account.version()).isEqualTo(1);
    }

    @Test
    void leavesOutEverythingRecordedAfterTheInstant() {
        var account = history.asOf(ID, PAID.minusNanos(1)).orElseThrow();

        assertThat(account.balance()).isEqualTo(eur("30.00"));
    }

    @Test
    void knowsTheAccountNowAsTheReadModelWould() {
        var account = history.asOf(ID, PAID.plusSeconds(3600)).orElseThrow();

        assertThat(account.balance()).isEqualTo(eur("0.00"));
        assertThat(account.version()).isEqualTo(2);
    }

    @Test
    void knowsNoAccountBeforeItWasOpened() {
        assertThat(history.asOf(ID, OPENED.minusMillis(1))).isEmpty();
    }

    @Test
    void readsFromTheFirstEventSoSnapshotsAreNeverUsed() {
        history.asOf(ID, PAID);

        verify(eventStore).readEvents(ID, 0);
    }

    private static DomainEventMessage<?> event(long sequenceNumber, Object payload, Instant timestamp) {
        return new GenericDomainEventMessage<>("Account", ID, sequenceNumber, payload, MetaData.emptyInstance(),
                UUID.randomUUID().toString(), timestamp);
    }
}
