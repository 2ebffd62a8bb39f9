package org.subledger.command.subscription;

import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.subledger.command.serial.SerialNumberConfiguration;
import org.subledger.command.serial.SerialNumbers;
import org.subledger.kernel.account.AccountOpened;
import org.subledger.kernel.account.ChargePosted;
import org.subledger.kernel.account.ContactDetails;
import org.subledger.kernel.account.CustomerType;
import org.subledger.kernel.account.PersonDetails;
import org.subledger.kernel.catalog.BillingTermSchemeCreated;
import org.subledger.kernel.catalog.CatalogIds;
import org.subledger.kernel.catalog.PricePlanCreated;
import org.subledger.kernel.catalog.ProductCreated;
import org.subledger.kernel.catalog.ProductTypeCreated;
import org.subledger.kernel.catalog.SubscriptionTypeCreated;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.subscription.ActivateSubscription;
import org.subledger.kernel.subscription.ActionClassification;
import org.subledger.kernel.subscription.BecomeSubscriber;
import org.subledger.kernel.subscription.RemoveInstalledItem;
import org.subledger.kernel.subscription.SerialNumberClaimed;
import org.subledger.kernel.subscription.SerialNumberReleased;
import org.subledger.kernel.subscription.TerminateSubscription;
import org.subledger.kernel.subscription.SubscriptionState;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.subledger.command.subscription.SubscriptionFixtures.ACCOUNT;
import static org.subledger.command.subscription.SubscriptionFixtures.ADDRESS;
import static org.subledger.command.subscription.SubscriptionFixtures.BOX;
import static org.subledger.command.subscription.SubscriptionFixtures.DAY_ONE;
import static org.subledger.command.subscription.SubscriptionFixtures.DECODER;
import static org.subledger.command.subscription.SubscriptionFixtures.EUR;
import static org.subledger.command.subscription.SubscriptionFixtures.ID;
import static org.subledger.command.subscription.SubscriptionFixtures.becomeSubscriber;
import static org.subledger.command.subscription.SubscriptionFixtures.effective;
import static org.subledger.command.subscription.SubscriptionFixtures.eur;
import static org.subledger.command.subscription.SubscriptionFixtures.service;

/**
 * The aggregate behind Axon's real repository and command bus, reading its account and catalog through
 * {@link EventStoreSubscriptionLookup} from the same event store they were recorded in (in memory here).
 */
class SubscriptionOnAnEventStoreTest {

    Configuration axon;

    @BeforeEach
    void start() {
        // false: no Axon Server connector, whatever the classpath holds
        var configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureEmbeddedEventStore(config -> new InMemoryEventStorageEngine())
                .configureAggregate(Subscription.class)
                .registerComponent(SubscriptionLookup.class,
                        config -> new EventStoreSubscriptionLookup(config.eventStore(),
                                (plan, product, on) -> Optional.empty(), prefix -> List.of()));
        axon = SerialNumberConfiguration.registerWith(configurer).buildConfiguration();
        axon.start();
        var catalog = SubscriptionFixtures.lookup();
        record("Account", ACCOUNT, new AccountOpened(ACCOUNT, CustomerType.PERSON,
                new PersonDetails("Maria", "Georgiou", null), null, new ContactDetails(null, null, ADDRESS), EUR,
                eur("50.00"), "AAA", "RESIDENTIAL", "agent"));
        record("SubscriptionType", CatalogIds.subscriptionType("GOLD-TV"),
                new SubscriptionTypeCreated(SubscriptionFixtures.GOLD_TV));
        record("BillingTermScheme", CatalogIds.billingTermScheme("RESIDENTIAL"),
                new BillingTermSchemeCreated(catalog.schemes.get("RESIDENTIAL")));
        record("PricePlan", CatalogIds.pricePlan("STANDARD"), new PricePlanCreated(catalog.plans.get("STANDARD")));
        for (String type : List.of("TV-PACKAGE", "TRACEABLE-HW")) {
            record("ProductType", CatalogIds.productType(type), new ProductTypeCreated(catalog.productTypes.get(type)));
        }
        for (String product : List.of("GOLD", "DECODER")) {
            record("Product", CatalogIds.product(product), new ProductCreated(catalog.products.get(product)));
        }
    }

    @AfterEach
    void stop() {
        axon.shutdown();
    }

    void record(String type, String aggregateId, Object event) {
        axon.eventStore().publish(new GenericDomainEventMessage<>(type, aggregateId, 0, event));
    }

    List<Object> history(String aggregateId) {
        return axon.eventStore().readEvents(aggregateId).asStream().map(DomainEventMessage::getPayload)
                .map(Object.class::cast).toList();
    }

    @Test
    void aRetailShopSaleIsRecordedAgainstTheStoredAccountAndCatalog() {
        axon.commandGateway().sendAndWait(becomeSubscriber(SubscriptionState.EFFECTIVE, List.of(BOX),
                List.of(service("GOLD", "box-1")), List.of(DECODER)));

        assertThat(history(ID)).containsExactly(effective());
        assertThat(history(SerialNumbers.idOf("SN-0001")))
                .containsExactly(new SerialNumberClaimed("SN-0001", "DECODER", ID));
    }

    @Test
    void anAccountOverItsStoredCreditLimitGetsNoSubscriptionAndNoSerialNumberIsClaimed() {
        axon.eventStore().publish(new GenericDomainEventMessage<>("Account", ACCOUNT, 1,
                new ChargePosted(ACCOUNT, "p1", eur("80.00"), "Gold", null, eur("80.00"))));

        assertThatThrownBy(() -> axon.commandGateway().sendAndWait(becomeSubscriber(SubscriptionState.EFFECTIVE,
                List.of(BOX), List.of(service("GOLD", "box-1")), List.of(DECODER))))
                .isInstanceOfSatisfying(LedgerRefusal.class,
                        refusal -> assertThat(refusal.code()).isEqualTo(ErrorCode.CREDIT_LIMIT_EXCEEDED));
        assertThat(history(ID)).isEmpty();
        assertThat(history(SerialNumbers.idOf("SN-0001"))).isEmpty();
    }

    @Test
    void anItemRecordedBeforeSerialNumbersWereGuardedCanStillBeRemoved() {
        record("Subscription", ID, effective());

        axon.commandGateway().sendAndWait(new RemoveInstalledItem(ID, "SN-0001", DAY_ONE.plusDays(1), null));

        assertThat(history(ID)).hasSize(2);
        assertThat(history(SerialNumbers.idOf("SN-0001"))).isEmpty();
    }

    @Test
    void aDecoderOnOneSubscriptionIsRefusedToAnotherUntilReleased() {
        String other = "5f0c2a9e-7b3d-4c1e-8a6f-9d2b4e7c1a05";
        axon.commandGateway().sendAndWait(becomeSubscriber(SubscriptionState.EFFECTIVE, List.of(BOX),
                List.of(service("GOLD", "box-1")), List.of(DECODER)));
        var secondSale = new BecomeSubscriber(other, ACCOUNT, "GOLD-TV", SubscriptionFixtures.requestedTerms(), null,
                null, SubscriptionState.EFFECTIVE, List.of(BOX), List.of(service("GOLD", "box-1")), List.of(DECODER),
                DAY_ONE, ActionClassification.none());

        assertThatThrownBy(() -> axon.commandGateway().sendAndWait(secondSale))
                .isInstanceOfSatisfying(LedgerRefusal.class,
                        refusal -> assertThat(refusal.code()).isEqualTo(ErrorCode.SERIAL_NUMBER_IN_USE));
        assertThat(history(other)).isEmpty();

        axon.commandGateway().sendAndWait(new TerminateSubscription(ID, DAY_ONE.plusDays(1), null));
        axon.commandGateway().sendAndWait(secondSale);

        assertThat(history(SerialNumbers.idOf("SN-0001"))).containsExactly(
                new SerialNumberClaimed("SN-0001", "DECODER", ID),
                new SerialNumberReleased("SN-0001", "DECODER", ID),
                new SerialNumberClaimed("SN-0001", "DECODER", other));
    }

    @Test
    void aSubscriptionCommandAddressedToAnAccountRecordsNothing() {
        assertThatThrownBy(() -> axon.commandGateway().sendAndWait(new ActivateSubscription(ACCOUNT,
                SubscriptionFixtures.ACTIVATION_DAY, null))).isInstanceOf(IncompatibleAggregateException.class);

        assertThat(history(ACCOUNT)).hasSize(1);
    }
}
