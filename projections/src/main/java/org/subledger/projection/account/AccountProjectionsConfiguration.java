package org.subledger.projection.account;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** Processing settings of the account read models. */
@Configuration(proxyBeanMethods = false)
class AccountProjectionsConfiguration {

    /**
     * Without it the dead-letter queue asks PostgreSQL, for every single event, whether the event's account already
     * has a dead letter (later events then queue behind it): one query per event, the largest cost of a replay when
     * measured. Axon's sequence identifier cache remembers per segment which accounts this node dead-lettered (and,
     * if the queue was not empty when the segment was taken, which it checked); it is dropped when the segment is
     * released, so it stays right when segments move between nodes.
     */
    @Bean
    ConfigurerModule accountProjectionsDeadLetterCache() {
        return configurer -> configurer.eventProcessing(processing -> List.of(
                AccountSummaryProjection.PROCESSING_GROUP, AccountStatementProjection.PROCESSING_GROUP,
                ReceivablesProjection.PROCESSING_GROUP).forEach(
                group -> processing.registerDeadLetteringEventHandlerInvokerConfiguration(group,
                        (config, builder) -> builder.enableSequenceIdentifierCache())));
    }
}
