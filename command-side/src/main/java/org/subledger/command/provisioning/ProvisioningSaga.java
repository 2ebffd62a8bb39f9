package org.subledger.command.provisioning;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.beans.factory.annotation.Autowired;
import org.subledger.command.process.ProcessStep;
import org.subledger.command.process.ProcessSteps;
import org.subledger.kernel.provisioning.ProvisioningIds;
import org.subledger.kernel.provisioning.ProvisioningOperation;
import org.subledger.kernel.provisioning.RequestProvisioning;
import org.subledger.kernel.provisioning.SupersedeProvisioning;
import org.subledger.kernel.subscription.DistributorAdded;
import org.subledger.kernel.subscription.DistributorRemoved;
import org.subledger.kernel.subscription.InstalledItemAdded;
import org.subledger.kernel.subscription.InstalledItemRemoved;
import org.subledger.kernel.subscription.InstalledItemSwapped;
import org.subledger.kernel.subscription.ServiceAdded;
import org.subledger.kernel.subscription.ServiceRemoved;
import org.subledger.kernel.subscription.ServiceSwapped;
import org.subledger.kernel.subscription.SubscriptionActivated;
import org.subledger.kernel.subscription.SubscriptionCreated;
import org.subledger.kernel.subscription.SubscriptionDeactivated;
import org.subledger.kernel.subscription.SubscriptionReactivated;
import org.subledger.kernel.subscription.SubscriptionService;
import org.subledger.kernel.subscription.SubscriptionState;
import org.subledger.kernel.subscription.SubscriptionTerminated;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Provisioning of one subscription: while it is effective, each service that becomes effective or is removed, each
 * installed item added or taken off, and the subscription's (de/re)activation and termination send one
 * {@link RequestProvisioning} per product and distributor, to the distributor's provider. Services go to the
 * distributors they are available on; installed items to every distributor. The request id is
 * {@code provisioning:<subscription>:<event sequence>:<provider>:<distributor>:<product>}, so a redelivered event
 * asks nothing new (the request aggregate ignores a second creation). Retries, back-off and time-out belong to the
 * {@link ProvisioningRequest}; a new request for a distributor and product first supersedes the one before it, so
 * the provider ends in the state of the latest action. State is plain maps of strings, stored by the JSON saga
 * serializer. A request refused for a business reason is recorded as needing attention and the saga goes on
 * ({@link ProcessSteps}).
 */
@Saga
@ProcessingGroup(ProvisioningSaga.PROCESS)
public class ProvisioningSaga { // public, with a public constructor: Axon instantiates sagas reflectively

    private String subscriptionId;
    private boolean effective;
    /** distributor id → provider code. */
    private Map<String, String> distributors = new TreeMap<>();
    /** service product code → the distributor ids it is available on. */
    private Map<String, List<String>> services = new TreeMap<>();
    /** installed item serial number → product code. */
    private Map<String, String> installedItems = new TreeMap<>();
    /** {@code distributor:product} → the id of the latest request made for it. */
    private Map<String, String> latestRequests = new TreeMap<>();

    /** The processing group, and the process's name on the "needs attention" list. */
    static final String PROCESS = "provisioning";

    @Autowired
    private transient ProcessSteps steps;
    @Autowired
    private transient ProviderProductIds providerProductIds;

    public ProvisioningSaga() {
        // for Axon and the saga serializer
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "subscriptionId")
    void on(SubscriptionCreated event, @SequenceNumber long sequence) {
        subscriptionId = event.subscriptionId();
        event.distributors().forEach(d -> distributors.put(d.distributorId(), d.providerCode()));
        event.services().forEach(this::remember);
        event.installedItems().forEach(item -> installedItems.put(item.serialNumber(), item.productCode()));
        if (event.state() == SubscriptionState.EFFECTIVE) {
            effective = true;
            everything(ProvisioningOperation.ACTIVATE, sequence);
        }
    }

    @SagaEventHandler(associationProperty = "subscriptionId")
    void on(SubscriptionActivated event, @SequenceNumber long sequence) {
        event.services().forEach(this::remember);
        effective = true;
        everything(ProvisioningOperation.ACTIVATE, sequence);
    }

    @SagaEventHandler(associationProperty = "subscriptionId")
    void on(SubscriptionDeactivated event, @SequenceNumber long sequence) {
        if (effective) {
            everything(ProvisioningOperation.DEACTIVATE, sequence);
        }
        effective = false;
    }

    @SagaEventHandler(associationProperty = "subscriptionId")
    void on(SubscriptionReactivated event, @SequenceNumber long sequence) {
        effective = true;
        everything(ProvisioningOperation.ACTIVATE, sequence);
    }

    @SagaEventHandler(associationProperty = "subscriptionId")
    void on(SubscriptionTerminated event, @SequenceNumber long sequence) {
        if (effective) {
            everything(ProvisioningOperation.DEACTIVATE, sequence);
        }
        effective = false;
        SagaLifecycle.end();
    }

    @SagaEventHandler(associationProperty = "subscriptionId")
    void on(ServiceAdded event, @SequenceNumber long sequence) {
        remember(event.service());
        service(event.service().productCode(), ProvisioningOperation.ACTIVATE, sequence);
    }

    @SagaEventHandler(associationProperty = "subscriptionId")
    void on(ServiceRemoved event, @SequenceNumber long sequence) {
        service(event.productCode(), ProvisioningOperation.DEACTIVATE, sequence);
        services.remove(event.productCode());
    }

    @SagaEventHandler(associationProperty = "subscriptionId")
    void on(ServiceSwapped event, @SequenceNumber long sequence) {
        service(event.previousProductCode(), ProvisioningOperation.DEACTIVATE, sequence);
        services.remove(event.previousProductCode());
        remember(event.service());
        service(event.service().productCode(), ProvisioningOperation.ACTIVATE, sequence);
    }

    @SagaEventHandler(associationProperty = "subscriptionId")
    void on(InstalledItemAdded event, @SequenceNumber long sequence) {
        installedItems.put(event.item().serialNumber(), event.item().productCode());
        item(event.item().productCode(), ProvisioningOperation.ACTIVATE, sequence);
    }

    @SagaEventHandler(associationProperty = "subscriptionId")
    void on(InstalledItemRemoved event, @SequenceNumber long sequence) {
        installedItems.remove(event.item().serialNumber());
        item(event.item().productCode(), ProvisioningOperation.DEACTIVATE, sequence);
    }

    @SagaEventHandler(associationProperty = "subscriptionId")
    void on(InstalledItemSwapped event, @SequenceNumber long sequence) {
        installedItems.remove(event.previousItem().serialNumber());
        installedItems.put(event.item().serialNumber(), event.item().productCode());
        if (!event.previousItem().productCode().equals(event.item().productCode())) {
            item(event.previousItem().productCode(), ProvisioningOperation.DEACTIVATE, sequence);
        }
        item(event.item().productCode(), ProvisioningOperation.ACTIVATE, sequence);
    }

    @SagaEventHandler(associationProperty = "subscriptionId")
    void on(DistributorAdded event, @SequenceNumber long sequence) {
        String id = event.distributor().distributorId();
        distributors.put(id, event.distributor().providerCode());
        for (String productCode : new TreeSet<>(event.services())) {
            List<String> on = services.computeIfAbsent(productCode, code -> new ArrayList<>());
            if (!on.contains(id)) {
                on.add(id);
            }
            if (effective) {
                send(productCode, id, ProvisioningOperation.ACTIVATE, sequence);
            }
        }
    }

    @SagaEventHandler(associationProperty = "subscriptionId")
    void on(DistributorRemoved event, @SequenceNumber long sequence) {
        String id = event.distributorId();
        if (effective && distributors.containsKey(id)) {
            for (var service : services.entrySet()) {
                if (service.getValue().contains(id)) {
                    send(service.getKey(), id, ProvisioningOperation.DEACTIVATE, sequence);
                }
            }
        }
        services.values().forEach(on -> on.remove(id));
        distributors.remove(id);
    }

    private void remember(SubscriptionService service) {
        services.put(service.productCode(), new ArrayList<>(new TreeSet<>(service.distributorIds())));
    }

    private void everything(ProvisioningOperation operation, long sequence) {
        for (String productCode : new ArrayList<>(services.keySet())) {
            service(productCode, operation, sequence);
        }
        for (String productCode : new TreeSet<>(installedItems.values())) {
            item(productCode, operation, sequence);
        }
    }

    private void service(String productCode, ProvisioningOperation operation, long sequence) {
        if (effective) {
            for (String distributorId : services.getOrDefault(productCode, List.of())) {
                send(productCode, distributorId, operation, sequence);
            }
        }
    }

    private void item(String productCode, ProvisioningOperation operation, long sequence) {
        if (effective) {
            for (String distributorId : distributors.keySet()) {
                send(productCode, distributorId, operation, sequence);
            }
        }
    }

    private void send(String productCode, String distributorId, ProvisioningOperation operation, long sequence) {
        String provider = distributors.get(distributorId);
        if (provider == null) {
            return; // a distributor the subscription does not have: nothing to provision it on
        }
        String providerProductId = providerProductIds.of(productCode, provider).orElse(productCode);
        String requestId = ProvisioningIds.requestId(subscriptionId, sequence, provider, distributorId, productCode);
        String key = distributorId + ":" + productCode;
        String previous = latestRequests.get(key);
        // waits, so a technical failure fails the event's handling and it is retried (with the same request ids). The
        // older request is stopped before the newer is made: a retry of it can then never reach the provider after
        // the newer one (the dispatcher sends a key's requests in order, see ProvisioningConfiguration)
        if (previous != null && !previous.equals(requestId)) {
            steps.send(new ProcessStep(PROCESS, "SUPERSEDE", previous + ">" + requestId, subscriptionId, previous),
                    new SupersedeProvisioning(previous, requestId));
        }
        steps.send(new ProcessStep(PROCESS, operation.name(), requestId, subscriptionId, requestId),
                new RequestProvisioning(requestId, subscriptionId, provider, distributorId, productCode,
                        providerProductId, operation));
        latestRequests.put(key, requestId);
    }
}
