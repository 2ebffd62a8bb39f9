package org.subledger.platform.axon;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.subledger.kernel.metadata.LedgerMetadata;

import java.util.HashMap;
import java.util.Map;

/**
 * Copies the audit metadata from the message being handled onto every message it causes: the principal, the unit,
 * the idempotency key and the client's reference travel on unchanged, the correlation id stays that of the
 * conversation (the first message's id when none was given), and the causation id becomes the id of the handled
 * message. Nothing in a unit of work of a processor that sends no message ({@link NothingDispatched}).
 */
public class LedgerCorrelationDataProvider implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        if (CurrentUnitOfWork.isStarted() && NothingDispatched.marked(CurrentUnitOfWork.get())) {
            return Map.of();
        }
        var metaData = message.getMetaData();
        Map<String, Object> data = new HashMap<>();
        copy(metaData, data, LedgerMetadata.PRINCIPAL);
        copy(metaData, data, LedgerMetadata.UNIT);
        copy(metaData, data, LedgerMetadata.IDEMPOTENCY_KEY);
        copy(metaData, data, LedgerMetadata.CLIENT_REFERENCE);
        copy(metaData, data, LedgerMetadata.CAUSE);
        Object correlationId = metaData.get(LedgerMetadata.CORRELATION_ID);
        data.put(LedgerMetadata.CORRELATION_ID, correlationId != null ? correlationId : message.getIdentifier());
        data.put(LedgerMetadata.CAUSATION_ID, message.getIdentifier());
        return data;
    }

    private static void copy(Map<String, ?> from, Map<String, Object> to, String key) {
        Object value = from.get(key);
        if (value != null) {
            to.put(key, value);
        }
    }
}
