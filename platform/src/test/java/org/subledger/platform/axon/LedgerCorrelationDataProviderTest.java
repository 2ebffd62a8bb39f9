package org.subledger.platform.axon;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.metadata.LedgerMetadata;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a handled message passes on to the messages it causes, and that a processor marked as sending nothing
 * ({@link NothingDispatched}) is spared building it.
 */
class LedgerCorrelationDataProviderTest {

    final LedgerCorrelationDataProvider provider = new LedgerCorrelationDataProvider();

    final GenericEventMessage<String> handled = new GenericEventMessage<>("charged", MetaData.from(Map.of(
            LedgerMetadata.PRINCIPAL, "agent", LedgerMetadata.UNIT, "CUSTOMER-SERVICE",
            LedgerMetadata.IDEMPOTENCY_KEY, "key-1", LedgerMetadata.CLIENT_REFERENCE, "ref-1",
            LedgerMetadata.CORRELATION_ID, "conversation-1", "other", "not passed on")));

    @AfterEach
    void noUnitOfWorkLeftBehind() {
        while (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().rollback();
        }
    }

    @Test
    void theAuditMetadataTravelsOnAndTheHandledMessageIsTheCause() {
        assertThat(provider.correlationDataFor(handled)).isEqualTo(Map.of(LedgerMetadata.PRINCIPAL, "agent",
                LedgerMetadata.UNIT, "CUSTOMER-SERVICE", LedgerMetadata.IDEMPOTENCY_KEY, "key-1",
                LedgerMetadata.CLIENT_REFERENCE, "ref-1", LedgerMetadata.CORRELATION_ID, "conversation-1",
                LedgerMetadata.CAUSATION_ID, handled.getIdentifier()));
    }

    @Test
    void theFirstMessageOfAConversationIsItsCorrelationId() {
        var first = new GenericEventMessage<>("opened", MetaData.with(LedgerMetadata.PRINCIPAL, "agent"));
        assertThat(provider.correlationDataFor(first).get(LedgerMetadata.CORRELATION_ID))
                .isEqualTo(first.getIdentifier());
    }

    @Test
    void aProcessorThatSendsNothingGetsNoCorrelationDataAndOthersDo() throws Exception {
        var unitOfWork = DefaultUnitOfWork.startAndGet(handled);
        assertThat(provider.correlationDataFor(handled)).as("an unmarked processor").isNotEmpty();

        Object inside = NothingDispatched.INSTANCE.handle(unitOfWork, () -> provider.correlationDataFor(handled));

        assertThat(inside).isEqualTo(Map.of());
        unitOfWork.commit();
        assertThat(provider.correlationDataFor(handled)).as("outside that unit of work").isNotEmpty();
    }
}
