package org.subledger.command.billing;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.subledger.kernel.billing.BillKind;
import org.subledger.kernel.usage.UsageBillingDue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

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
    void on(UsageBillingDue due) {
        // the audit metadata the handled event passes on (principal, idempotency key, correlation, causation: this
        // event), as the processor's correlation data providers give it to every message it causes
        MetaData metaData = CurrentUnitOfWork.get().getCorrelationData();
        writer.bill(List.of(new BillWriter.Candidate(due.accountId(), due.subscriptionId())), LocalDate.now(clock),
                BillKind.USAGE, null, new EventStoreBillingCatalog(eventStore), metaData,
                outcome -> {
                });
    }
}
