package org.subledger.platform.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.account.AccountOpened;
import org.subledger.kernel.catalog.SubscriptionTypeAmended;
import org.subledger.kernel.catalog.SubscriptionTypeCreated;
import org.subledger.kernel.subscription.SubscriptionCreated;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accounts and subscriptions created before units existed read back as owned by no unit; subscription types as open
 * to every unit.
 */
class OwningUnitUpcasterTest {

    private final Serializer serializer = StorageJson.serializer();
    private final EventUpcasterChain upcasters = new EventUpcasterChain(new OwningUnitUpcaster(),
            new SubscriptionTypeUnitsUpcaster());

    /** As revision 1 wrote it: no {@code owningUnit}. */
    private static final String ACCOUNT_OPENED_1 = """
            {"accountId":"acc-1","type":"PERSON","person":{"firstName":"Maria","lastName":"Georgiou",
             "identityNumber":"X1"},"company":null,"contact":{"email":null,"phone":null,"address":"Nicosia"},
             "currency":"EUR","creditLimit":{"amount":"100.00","currency":"EUR"},"creditRating":"AAA",
             "classification":"RESIDENTIAL","openedBy":"agent"}""";

    private static final String SUBSCRIPTION_CREATED_1 = """
            {"subscriptionId":"sub-1","accountId":"acc-1","subscriptionTypeCode":"TV","state":"DRAFT",
             "billingTerms":null,"location":"Nicosia","billingAddress":"Nicosia","distributors":[],"services":[],
             "installedItems":[],"createdOn":"2026-01-01","action":null}""";

    @Test
    void aRevisionOneAccountIsOwnedByNoUnit() {
        var opened = (AccountOpened) read(AccountOpened.class, "1", ACCOUNT_OPENED_1);

        assertThat(opened.owningUnit()).isNull();
        assertThat(opened.accountId()).isEqualTo("acc-1");
        assertThat(opened.openedBy()).isEqualTo("agent");
    }

    @Test
    void aRevisionOneSubscriptionIsOwnedByNoUnit() {
        var created = (SubscriptionCreated) read(SubscriptionCreated.class, "1", SUBSCRIPTION_CREATED_1);

        assertThat(created.owningUnit()).isNull();
        assertThat(created.subscriptionId()).isEqualTo("sub-1");
    }

    @Test
    void aRevisionTwoAccountKeepsItsOwningUnit() {
        String owned = ACCOUNT_OPENED_1.replace("\"openedBy\":\"agent\"", "\"openedBy\":\"agent\",\"owningUnit\":\"SALES\"");

        var opened = (AccountOpened) read(AccountOpened.class, "2", owned);

        assertThat(opened.owningUnit()).isEqualTo("SALES");
    }

    @Test
    void aRevisionOneSubscriptionTypeIsOpenToEveryUnit() {
        String definition = """
                {"definition":{"code":"GOLD","name":"Gold TV","allowedBillingTermSchemes":["RESIDENTIAL"],
                 "allowedProviders":["NAGRA"],"allowedProducts":["GOLD"]}}""";
        for (Class<?> type : List.of(SubscriptionTypeCreated.class, SubscriptionTypeAmended.class)) {
            Object event = read(type, "1", definition);

            var upcast = event instanceof SubscriptionTypeCreated created ? created.definition()
                    : ((SubscriptionTypeAmended) event).definition();
            assertThat(upcast.allowedOrganisationalUnits()).isEmpty();
            assertThat(upcast.allowedProducts()).containsExactly("GOLD");
        }
    }

    private Object read(Class<?> type, String revision, String payload) {
        var stored = new GenericDomainEventEntry<>("Account", "acc-1", 0, "event-1",
                Instant.parse("2026-01-01T00:00:00Z"), type.getName(), revision, payload, "{}");
        List<? extends DomainEventMessage<?>> events = EventStreamUtils.upcastAndDeserializeDomainEvents(
                Stream.of(stored), serializer, upcasters).asStream().toList();
        assertThat(events).hasSize(1);
        return events.get(0).getPayload();
    }
}
