package org.subledger.projection.subscription;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.subledger.kernel.provisioning.ProvisioningAcknowledged;
import org.subledger.kernel.provisioning.ProvisioningFailed;
import org.subledger.kernel.provisioning.ProvisioningIds;
import org.subledger.kernel.provisioning.ProvisioningRejected;
import org.subledger.kernel.provisioning.ProvisioningRequested;
import org.subledger.kernel.provisioning.ProvisioningSuperseded;

/**
 * Keeps {@code provisioning_request} (one row per provisioning request) and, from it, the
 * {@code provisioning_state} of {@code subscription_service}: PENDING / PROVISIONED / FAILED over the requests of the
 * latest subscription event that asked anything for the service (see {@code provisioning_state_of} in V2_202). Every
 * statement only touches a request row older than the event, so a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(ProvisioningStateProjection.PROCESSING_GROUP)
class ProvisioningStateProjection {

    static final String PROCESSING_GROUP = "provisioning-state";

    private static final String REQUESTED = """
            insert into provisioning_request (request_id, subscription_id, product_code, event_sequence, operation,
                                              state, attempt, version)
            values (?, ?, ?, ?, ?, 'PENDING', ?, ?)
            on conflict (request_id) do update set state = 'PENDING', attempt = excluded.attempt,
                                                   version = excluded.version
            where provisioning_request.version < excluded.version""";
    private static final String ANSWERED = """
            update provisioning_request set state = ?, attempt = ?, version = ?
            where request_id = ? and version < ?""";
    private static final String SERVICE_STATE = """
            update subscription_service
            set provisioning_state = coalesce(provisioning_state_of(subscription_id, product_code), 'PENDING')
            where subscription_id = ? and product_code = ?""";

    private final JdbcTemplate jdbc;

    ProvisioningStateProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ProvisioningRequested event, @SequenceNumber long sequenceNumber) {
        ServiceStateLock.take(jdbc);
        jdbc.update(REQUESTED, event.requestId(), event.subscriptionId(), event.productCode(),
                eventSequence(event.requestId(), event.subscriptionId()), event.operation().name(), event.attempt(),
                sequenceNumber);
        jdbc.update(SERVICE_STATE, event.subscriptionId(), event.productCode());
    }

    @EventHandler
    void on(ProvisioningAcknowledged event, @SequenceNumber long sequenceNumber) {
        answered(event.requestId(), event.subscriptionId(), event.productCode(), "ACKNOWLEDGED", event.attempt(),
                sequenceNumber);
    }

    @EventHandler
    void on(ProvisioningRejected event, @SequenceNumber long sequenceNumber) {
        answered(event.requestId(), event.subscriptionId(), event.productCode(), "PENDING", event.attempt(),
                sequenceNumber);
    }

    @EventHandler
    void on(ProvisioningFailed event, @SequenceNumber long sequenceNumber) {
        answered(event.requestId(), event.subscriptionId(), event.productCode(), "FAILED", event.attempts(),
                sequenceNumber);
    }

    /** Replaced by a newer request, which alone decides the service's state from now on. */
    @EventHandler
    void on(ProvisioningSuperseded event, @SequenceNumber long sequenceNumber) {
        answered(event.requestId(), event.subscriptionId(), event.productCode(), "SUPERSEDED", event.attempts(),
                sequenceNumber);
    }

    @ResetHandler
    void reset() {
        jdbc.execute("truncate table provisioning_request");
        jdbc.execute("update subscription_service set provisioning_state = 'PENDING'");
    }

    private void answered(String requestId, String subscriptionId, String productCode, String state, int attempt,
                          long sequenceNumber) {
        ServiceStateLock.take(jdbc);
        jdbc.update(ANSWERED, state, attempt, sequenceNumber, requestId, sequenceNumber);
        jdbc.update(SERVICE_STATE, subscriptionId, productCode);
    }

    /** The subscription event's sequence number, from {@code provisioning:<subscription>:<sequence>:…}. */
    static long eventSequence(String requestId, String subscriptionId) {
        String prefix = ProvisioningIds.PREFIX + subscriptionId + ":";
        if (requestId.startsWith(prefix)) {
            String rest = requestId.substring(prefix.length());
            int end = rest.indexOf(':');
            try {
                return Long.parseLong(end < 0 ? rest : rest.substring(0, end));
            } catch (NumberFormatException ignored) {
                // not one of ours: ordered first
            }
        }
        return 0;
    }
}
