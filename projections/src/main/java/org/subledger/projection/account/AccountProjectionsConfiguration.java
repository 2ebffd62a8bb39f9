package org.subledger.projection.account;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.subledger.kernel.billing.BillIssued;

/**
 * Processing settings of the account read models (the dead-letter queues' sequence identifier cache is the platform's,
 * for every group: {@code LedgerEventProcessingModule}).
 */
@Configuration(proxyBeanMethods = false)
class AccountProjectionsConfiguration {

    /**
     * The open items are sequenced per account: a bill's {@code BillIssued} (on the bill's own stream) goes with its
     * account's events. Per aggregate, as by default, the issue and the posting of one bill were handled by two
     * segments, each writing the bill's row in its own transaction; under bill runs their batches locked the rows of
     * several bills in opposite orders and PostgreSQL aborted one as a deadlock (the processor retried, so the table
     * was right, but every abort threw a batch away). Now one segment writes every row of an account, in the order
     * the events were stored: two segments never lock the same row. Every other event keeps its aggregate's sequence
     * (an account's own stream is keyed by its account id either way).
     */
    @Bean
    ConfigurerModule receivablesSequencedPerAccount() {
        return configurer -> configurer.eventProcessing().registerSequencingPolicy(
                ReceivablesProjection.PROCESSING_GROUP, config -> perAccount());
    }

    /**
     * Decided by the stored type name: only a bill is deserialized here (its handlers read it anyway), not each event
     * the shared processor's coordinator offers to the group's segments.
     */
    static SequencingPolicy<EventMessage<?>> perAccount() {
        return event -> BillIssued.class.equals(event.getPayloadType()) ? ((BillIssued) event.getPayload()).accountId()
                : SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
    }
}
