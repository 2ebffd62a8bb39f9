package org.subledger.platform.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.account.PaymentRecorded;
import org.subledger.kernel.billing.BillPosted;
import org.subledger.kernel.money.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Postings stored before open items existed: a bill posted without a due date is due the day (UTC) it was posted,
 * a payment that named no bill names none.
 */
class ReceivablesUpcastersTest {

    private final Serializer serializer = StorageJson.serializer();
    private final EventUpcasterChain upcasters = new EventUpcasterChain(new BillPostedDueDateUpcaster(),
            new PaymentRecordedBillUpcaster());

    /** As revision 1 wrote them. */
    private static final String BILL_REVISION_1 = """
            {"accountId":"acc-1","postingId":"bill:B1","billId":"B1","billNumber":"2026-000001",
             "total":{"amount":"30.00","currency":"EUR"},"taxTotal":{"amount":"4.79","currency":"EUR"},
             "description":"Bill 2026-000001","balanceAfter":{"amount":"30.00","currency":"EUR"}}""";
    private static final String PAYMENT_REVISION_1 = """
            {"accountId":"acc-1","postingId":"p1","amount":{"amount":"10.00","currency":"EUR"},
             "description":"Cash","reference":null,"balanceAfter":{"amount":"20.00","currency":"EUR"}}""";

    @Test
    void aRevisionOneBillIsDueTheDayItWasPostedInUtc() {
        var bill = (BillPosted) read(BillPosted.class, "1", BILL_REVISION_1, "2026-03-01T23:30:00Z");

        assertThat(bill.dueDate()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(bill.total()).isEqualTo(Money.of("30.00", "EUR"));
        assertThat(bill.billId()).isEqualTo("B1");
    }

    @Test
    void aRevisionTwoBillKeepsItsDueDate() {
        String stored = BILL_REVISION_1.replace("}}", "},\"dueDate\":\"2026-03-15\"}");

        var bill = (BillPosted) read(BillPosted.class, "2", stored, "2026-03-01T10:00:00Z");

        assertThat(bill.dueDate()).isEqualTo(LocalDate.of(2026, 3, 15));
    }

    @Test
    void aRevisionOnePaymentNamesNoBill() {
        var payment = (PaymentRecorded) read(PaymentRecorded.class, "1", PAYMENT_REVISION_1, "2026-03-02T10:00:00Z");

        assertThat(payment.billId()).isNull();
        assertThat(payment.amount()).isEqualTo(Money.of("10.00", "EUR"));
    }

    private Object read(Class<?> type, String revision, String payload, String timestamp) {
        var stored = new GenericDomainEventEntry<>("Account", "acc-1", 1, "event-1", Instant.parse(timestamp),
                type.getName(), revision, payload, "{}");
        List<? extends DomainEventMessage<?>> events = EventStreamUtils.upcastAndDeserializeDomainEvents(
                Stream.of(stored), serializer, upcasters).asStream().toList();
        assertThat(events).hasSize(1);
        return events.get(0).getPayload();
    }
}
