package org.subledger.command.billing;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.subledger.kernel.billing.BillKind;
import org.subledger.kernel.metadata.LedgerMetadata;
import org.subledger.kernel.usage.UsageBillingDue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Bills a subscription's unbilled usage as soon as it is due outside the bill run (a prepaid subscription, or a
 * billing term threshold reached): a usage bill issued and posted by the {@link BillWriter}, on today's date.
 * Redelivery of the same event finds the usage billed already and issues nothing.
 */
@Component
@ProcessingGroup("usage-billing")
class UsageBilling {

    private final BillWriter writer;
    private final EventStore eventStore;
    private final Clock clock;

    UsageBilling(BillWriter writer, @Lazy EventStore eventStore, Clock clock) {
        this.writer = writer;
        this.eventStore = eventStore;
        this.clock = clock;
    }

    @EventHandler
    void on(UsageBillingDue due, EventMessage<?> message) {
        Map<String, Object> metaData = new HashMap<>(message.getMetaData());
        metaData.put(LedgerMetadata.CAUSATION_ID, message.getIdentifier());
        metaData.putIfAbsent(LedgerMetadata.CORRELATION_ID, message.getIdentifier());
        writer.bill(List.of(new BillWriter.Candidate(due.accountId(), due.subscriptionId())), LocalDate.now(clock),
                BillKind.USAGE, null, new EventStoreBillingCatalog(eventStore), MetaData.from(metaData),
                outcome -> {
                });
    }
}
