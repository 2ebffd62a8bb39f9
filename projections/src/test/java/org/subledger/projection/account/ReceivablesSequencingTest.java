package org.subledger.projection.account;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.account.ReceivableAllocated;
import org.subledger.kernel.billing.BillIssued;
import org.subledger.kernel.billing.BillKind;
import org.subledger.kernel.billing.BillPosted;
import org.subledger.platform.axon.StorageJson;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.projection.account.AccountHistoryFixture.eur;

/**
 * The open items' sequencing: a bill's issue (the bill's stream) is in its account's sequence, with the bill's
 * posting and the allocations, so one segment writes the bill's row; another account is another sequence.
 */
class ReceivablesSequencingTest {

    private static final LocalDate ON = LocalDate.of(2026, 3, 1);

    @Test
    void aBillsIssueIsInItsAccountsSequenceWithItsPostingAndAllocations() {
        var policy = AccountProjectionsConfiguration.perAccount();
        var issued = new GenericDomainEventMessage<>("Bill", "BILL-1", 0, new BillIssued("BILL-1", "2026-000001",
                "ACC-1", null, "RUN-1", BillKind.RUN, ON, ON, ON.plusMonths(1), List.of(), eur("42.34"), eur("0.00"),
                ON.plusDays(14), List.of()));
        var posted = new GenericDomainEventMessage<>("Account", "ACC-1", 7, new BillPosted("ACC-1", "bill:BILL-1",
                "BILL-1", "2026-000001", eur("42.34"), eur("0.00"), "Bill", eur("42.34"), ON.plusDays(14)));
        var allocated = new GenericDomainEventMessage<>("Account", "ACC-1", 9, new ReceivableAllocated("ACC-1",
                "P-9", "BILL-1", eur("10.00"), eur("32.34")));
        var otherAccount = new GenericDomainEventMessage<>("Bill", "BILL-2", 0, new BillIssued("BILL-2",
                "2026-000002", "ACC-2", "SUB-2", "RUN-1", BillKind.RUN, ON, ON, ON.plusMonths(1), List.of(),
                eur("1.00"), eur("0.00"), ON.plusDays(14)));

        Object sequence = policy.getSequenceIdentifierFor(issued);
        assertThat(sequence).isEqualTo("ACC-1");
        assertThat(policy.getSequenceIdentifierFor(posted)).isEqualTo(sequence);
        assertThat(policy.getSequenceIdentifierFor(allocated)).isEqualTo(sequence);
        assertThat(policy.getSequenceIdentifierFor(otherAccount)).isEqualTo("ACC-2");
    }

    @Test
    void anEventThatIsNoBillIsSequencedWithoutBeingDeserialized() {
        Serializer serializer = StorageJson.serializer();
        var stored = new SerializedMessage<>("event-1", serializer.serialize(new BillPosted("ACC-1", "bill:BILL-1",
                "BILL-1", "2026-000001", eur("42.34"), eur("0.00"), "Bill", eur("42.34"), ON.plusDays(14)),
                byte[].class), serializer.serialize(MetaData.emptyInstance(), byte[].class), serializer);

        Object sequence = AccountProjectionsConfiguration.perAccount().getSequenceIdentifierFor(
                new GenericDomainEventMessage<>("Account", "ACC-1", 7, stored, Instant::now));

        assertThat(sequence).isEqualTo("ACC-1");
        assertThat(stored.isPayloadDeserialized()).isFalse();
    }
}
