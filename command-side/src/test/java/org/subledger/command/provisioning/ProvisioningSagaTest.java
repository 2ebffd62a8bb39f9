package org.subledger.command.provisioning;

import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.subledger.command.process.ProcessSteps;

import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.catalog.BillingFrequency;
import org.subledger.kernel.provisioning.ProvisioningIds;
import org.subledger.kernel.provisioning.ProvisioningOperation;
import org.subledger.kernel.provisioning.RequestProvisioning;
import org.subledger.kernel.provisioning.SupersedeProvisioning;
import org.subledger.kernel.subscription.BehaviourCode;
import org.subledger.kernel.subscription.BillingTerms;
import org.subledger.kernel.subscription.Distributor;
import org.subledger.kernel.subscription.InstalledItem;
import org.subledger.kernel.subscription.ServiceAdded;
import org.subledger.kernel.subscription.ServiceRemoved;
import org.subledger.kernel.subscription.SubscriptionAction;
import org.subledger.kernel.subscription.SubscriptionActivated;
import org.subledger.kernel.subscription.SubscriptionCreated;
import org.subledger.kernel.subscription.SubscriptionDeactivated;
import org.subledger.kernel.subscription.SubscriptionReactivated;
import org.subledger.kernel.subscription.SubscriptionService;
import org.subledger.kernel.subscription.SubscriptionState;
import org.subledger.kernel.subscription.SubscriptionTerminated;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.subledger.kernel.provisioning.ProvisioningOperation.ACTIVATE;
import static org.subledger.kernel.provisioning.ProvisioningOperation.DEACTIVATE;

/** The provisioning requests sent per provider, distributor and product, and none new for a redelivered event. */
class ProvisioningSagaTest {

    static final String SUBSCRIPTION = "3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
    static final LocalDate DAY_ONE = LocalDate.of(2026, 3, 2);

    /** NAGRA knows GOLD as NML-GOLD; everything else goes by its product code. */
    static final ProviderProductIds IDS = (product, provider) ->
            Optional.ofNullable(Map.of("GOLD|NAGRA", "NML-GOLD").get(product + "|" + provider));

    SagaTestFixture<ProvisioningSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(ProvisioningSaga.class);
        fixture.registerResource(IDS);
        fixture.registerResource(new ProcessSteps(DefaultCommandGateway.builder()
                .commandBus(fixture.getCommandBus()).build()));
    }

    static SubscriptionCreated created(SubscriptionState state) {
        return new SubscriptionCreated(SUBSCRIPTION, "acc-1", "GOLD-TV", state,
                new BillingTerms("RESIDENTIAL", "STANDARD", BillingFrequency.MONTHLY, DAY_ONE, DAY_ONE,
                        DAY_ONE.plusMonths(12), null, null), "here", "here",
                List.of(new Distributor("STB-1", "NAGRA"), new Distributor("STB-2", "ACME")),
                List.of(service("GOLD", "STB-1", "STB-2"), service("SPORT", "STB-1")),
                List.of(new InstalledItem("SN-1", "DECODER")), DAY_ONE, action(BehaviourCode.BECOME_SUBSCRIBER));
    }

    static SubscriptionService service(String product, String... distributors) {
        return new SubscriptionService(product, List.of(), DAY_ONE, DAY_ONE, DAY_ONE, Set.of(distributors));
    }

    static SubscriptionAction action(BehaviourCode code) {
        return new SubscriptionAction(code, null, null, null);
    }

    static RequestProvisioning request(long sequence, String provider, String distributor, String product,
                                       String providerProductId, ProvisioningOperation operation) {
        return new RequestProvisioning(ProvisioningIds.requestId(SUBSCRIPTION, sequence, provider, distributor,
                product), SUBSCRIPTION, provider, distributor, product, providerProductId, operation);
    }

    static SupersedeProvisioning supersede(long olderSequence, long sequence, String provider, String distributor,
                                           String product) {
        return new SupersedeProvisioning(ProvisioningIds.requestId(SUBSCRIPTION, olderSequence, provider, distributor,
                product), ProvisioningIds.requestId(SUBSCRIPTION, sequence, provider, distributor, product));
    }

    /** Everything again, each request after superseding the one event {@code olderSequence} made for its key. */
    static Object[] everythingAgain(long olderSequence, long sequence, ProvisioningOperation operation) {
        List<Object> commands = new ArrayList<>();
        for (Object command : everything(sequence, operation)) {
            var request = (RequestProvisioning) command;
            commands.add(supersede(olderSequence, sequence, request.provider(), request.distributorId(),
                    request.productCode()));
            commands.add(request);
        }
        return commands.toArray();
    }

    static Object[] everything(long sequence, ProvisioningOperation operation) {
        return new Object[]{
                request(sequence, "NAGRA", "STB-1", "GOLD", "NML-GOLD", operation),
                request(sequence, "ACME", "STB-2", "GOLD", "GOLD", operation),
                request(sequence, "NAGRA", "STB-1", "SPORT", "SPORT", operation),
                request(sequence, "NAGRA", "STB-1", "DECODER", "DECODER", operation),
                request(sequence, "ACME", "STB-2", "DECODER", "DECODER", operation)};
    }

    @Test
    void anEffectiveSubscriptionIsProvisionedPerProviderDistributorAndProduct() {
        fixture.givenNoPriorActivity()
                .whenAggregate(SUBSCRIPTION).publishes(created(SubscriptionState.EFFECTIVE))
                .expectActiveSagas(1)
                .expectDispatchedCommands(everything(0, ACTIVATE));
    }

    @Test
    void aDraftIsProvisionedOnlyWhenActivated() {
        fixture.givenAggregate(SUBSCRIPTION).published(created(SubscriptionState.DRAFT))
                .whenAggregate(SUBSCRIPTION).publishes(new SubscriptionActivated(SUBSCRIPTION, DAY_ONE,
                        List.of(service("GOLD", "STB-1", "STB-2"), service("SPORT", "STB-1")),
                        action(BehaviourCode.ACTIVATE)))
                .expectDispatchedCommands(everything(1, ACTIVATE));
    }

    @Test
    void aDraftSendsNothing() {
        fixture.givenNoPriorActivity()
                .whenAggregate(SUBSCRIPTION).publishes(created(SubscriptionState.DRAFT))
                .expectActiveSagas(1)
                .expectNoDispatchedCommands();
    }

    @Test
    void aRemovedServiceIsDeactivatedOnItsDistributors() {
        fixture.givenAggregate(SUBSCRIPTION).published(created(SubscriptionState.EFFECTIVE))
                .whenAggregate(SUBSCRIPTION).publishes(new ServiceRemoved(SUBSCRIPTION, "GOLD", DAY_ONE,
                        action(BehaviourCode.REMOVE_SERVICE)))
                .expectDispatchedCommands(supersede(0, 1, "NAGRA", "STB-1", "GOLD"),
                        request(1, "NAGRA", "STB-1", "GOLD", "NML-GOLD", DEACTIVATE),
                        supersede(0, 1, "ACME", "STB-2", "GOLD"),
                        request(1, "ACME", "STB-2", "GOLD", "GOLD", DEACTIVATE));
    }

    @Test
    void aDeactivationDeactivatesEverythingAndADeactivatedSubscriptionIsNotDeactivatedAgainOnTermination() {
        fixture.givenAggregate(SUBSCRIPTION).published(created(SubscriptionState.EFFECTIVE))
                .whenAggregate(SUBSCRIPTION).publishes(new SubscriptionDeactivated(SUBSCRIPTION, DAY_ONE,
                        action(BehaviourCode.DEACTIVATE)))
                .expectDispatchedCommands(everythingAgain(0, 1, DEACTIVATE));

        fixture.givenAggregate(SUBSCRIPTION).published(created(SubscriptionState.EFFECTIVE),
                        new SubscriptionDeactivated(SUBSCRIPTION, DAY_ONE, action(BehaviourCode.DEACTIVATE)))
                .whenAggregate(SUBSCRIPTION).publishes(new SubscriptionTerminated(SUBSCRIPTION, "acc-1", DAY_ONE,
                        null, action(BehaviourCode.TERMINATE)))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    @Test
    void eachNewRequestSupersedesTheLatestBeforeItForTheSameDistributorAndProduct() {
        // created (0), deactivated (1), reactivated (2): the reactivation supersedes the deactivation's requests
        fixture.givenAggregate(SUBSCRIPTION).published(created(SubscriptionState.EFFECTIVE),
                        new SubscriptionDeactivated(SUBSCRIPTION, DAY_ONE, action(BehaviourCode.DEACTIVATE)))
                .whenAggregate(SUBSCRIPTION).publishes(new SubscriptionReactivated(SUBSCRIPTION, DAY_ONE,
                        action(BehaviourCode.REACTIVATE)))
                .expectDispatchedCommands(everythingAgain(1, 2, ACTIVATE));
    }

    @Test
    void aProductNewToTheSubscriptionSupersedesNothing() {
        fixture.givenAggregate(SUBSCRIPTION).published(created(SubscriptionState.EFFECTIVE))
                .whenAggregate(SUBSCRIPTION).publishes(new ServiceAdded(SUBSCRIPTION, service("MOVIES", "STB-1"),
                        DAY_ONE, action(BehaviourCode.ADD_SERVICE)))
                .expectDispatchedCommands(request(1, "NAGRA", "STB-1", "MOVIES", "MOVIES", ACTIVATE));
    }
}
