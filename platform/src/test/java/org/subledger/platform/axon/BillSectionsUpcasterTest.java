package org.subledger.platform.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.billing.BillIssued;
import org.subledger.kernel.billing.BillSection;
import org.subledger.kernel.billing.BillKind;
import org.subledger.kernel.billing.BillLine;
import org.subledger.kernel.billing.BillLineKind;
import org.subledger.kernel.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A bill stored before bills per account reads back with one section for its subscription, none for a job's. */
class BillSectionsUpcasterTest {

    private final Serializer serializer = StorageJson.serializer();
    private final EventUpcasterChain upcasters = new EventUpcasterChain(new BillSectionsUpcaster());

    private static final LocalDate FROM = LocalDate.of(2026, 3, 1);
    private static final LocalDate TO = LocalDate.of(2026, 4, 1);

    @Test
    void aRevisionOneSubscriptionBillGetsOneSectionWithAllItsLines() {
        BillIssued bill = read(revisionOne("sub-1"));

        assertThat(bill.sections()).containsExactly(new BillSection("sub-1", FROM, TO, 1, 2, eur("30.00"),
                eur("5.00")));
        assertThat(bill.subscriptionIds()).containsExactly("sub-1");
    }

    @Test
    void aRevisionOneJobBillHasNoSection() {
        assertThat(read(revisionOne(null)).sections()).isEmpty();
    }

    @Test
    void aRevisionTwoBillIsLeftAsStored() {
        var sections = List.of(new BillSection("tv", FROM, TO, 1, 1, eur("10.00"), eur("2.00")),
                new BillSection("net", FROM, TO, 2, 2, eur("20.00"), eur("3.00")));
        BillIssued perAccount = new BillIssued("bill-2", "2026-000002", "acc-1", null, "run-1", BillKind.RUN, FROM,
                FROM, TO, lines(), eur("30.00"), eur("5.00"), FROM.plusDays(14), sections);

        String json = serializer.serialize(perAccount, String.class).getData();

        assertThat(read("2", json)).isEqualTo(perAccount);
    }

    /** A revision-1 payload: what the serializer writes, without the sections revision 2 added. */
    private String revisionOne(String subscriptionId) {
        BillIssued bill = new BillIssued("bill-1", "2026-000001", "acc-1", subscriptionId, "run-1", BillKind.RUN,
                FROM, FROM, TO, lines(), eur("30.00"), eur("5.00"), FROM.plusDays(14), List.of());
        String json = serializer.serialize(bill, String.class).getData();
        assertThat(json).contains(",\"sections\":[]");
        return json.replace(",\"sections\":[]", "");
    }

    private static List<BillLine> lines() {
        return List.of(line(1, "10.00", "2.00"), line(2, "20.00", "3.00"));
    }

    private static BillLine line(int lineNo, String amount, String tax) {
        return new BillLine(lineNo, BillLineKind.RECURRING, "P" + lineNo, "product " + lineNo, FROM, TO, 1,
                eur(amount), eur(tax), new BigDecimal("20"), null, null);
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private BillIssued read(String payload) {
        return read("1", payload);
    }

    private BillIssued read(String revision, String payload) {
        var stored = new GenericDomainEventEntry<>("Bill", "bill-1", 0, "event-1",
                Instant.parse("2026-03-01T00:00:00Z"), BillIssued.class.getName(), revision, payload, "{}");
        List<? extends DomainEventMessage<?>> events = EventStreamUtils.upcastAndDeserializeDomainEvents(
                Stream.of(stored), serializer, upcasters).asStream().toList();
        assertThat(events).hasSize(1);
        return (BillIssued) events.get(0).getPayload();
    }
}
