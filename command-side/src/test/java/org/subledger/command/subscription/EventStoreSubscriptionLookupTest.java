package org.subledger.command.subscription;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.subledger.command.eventstore.AggregateIds;
import org.subledger.kernel.account.AccountClassificationChanged;
import org.subledger.kernel.account.AccountClosed;
import org.subledger.kernel.account.AccountOpened;
import org.subledger.kernel.account.ChargePosted;
import org.subledger.kernel.account.CreditLimitAmended;
import org.subledger.kernel.account.ContactDetails;
import org.subledger.kernel.account.CreditRatingChanged;
import org.subledger.kernel.account.CustomerType;
import org.subledger.kernel.account.PersonDetails;
import org.subledger.kernel.catalog.CatalogIds;
import org.subledger.kernel.catalog.SubscriptionTypeAmended;
import org.subledger.kernel.catalog.SubscriptionTypeCreated;
import org.subledger.kernel.catalog.SubscriptionTypeDefinition;
import org.subledger.kernel.catalog.UsageCatalogAmended;
import org.subledger.kernel.catalog.UsageCatalogCreated;
import org.subledger.kernel.catalog.UsageCatalogDefinition;
import org.subledger.kernel.catalog.UsageServiceEntry;
import org.subledger.kernel.catalog.Validity;
import org.subledger.kernel.rating.UsageRate;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.command.subscription.SubscriptionFixtures.ADDRESS;
import static org.subledger.command.subscription.SubscriptionFixtures.EUR;
import static org.subledger.command.subscription.SubscriptionFixtures.eur;

/** The lookup folds the aggregates' own events: what an account or catalog entry is now, as the store has it. */
class EventStoreSubscriptionLookupTest {

    final EmbeddedEventStore eventStore = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    /** Two usage catalogs are recorded as far as the event store's listing knows. */
    final EventStoreSubscriptionLookup lookup = new EventStoreSubscriptionLookup(eventStore,
            (plan, product, on) -> Optional.empty(),
            prefix -> List.of(prefix + "MOVIES", prefix + "SPORTS"));

    @AfterEach
    void tearDown() {
        eventStore.shutDown();
    }

    void store(String type, String aggregateId, Object... events) {
        for (int i = 0; i < events.length; i++) {
            eventStore.publish(new GenericDomainEventMessage<>(type, aggregateId, i, events[i]));
        }
    }

    static AccountOpened opened(String id) {
        return new AccountOpened(id, CustomerType.PERSON, new PersonDetails("Maria", "Georgiou", null), null,
                new ContactDetails(null, null, ADDRESS), EUR, eur("50.00"), "AAA", "RESIDENTIAL", "agent");
    }

    @Test
    void anAccountsFactsAreItsLatestClassificationAndRatingWhateverItsPostings() {
        store("Account", "acc-1", opened("acc-1"),
                new ChargePosted("acc-1", "p1", eur("10.00"), "Gold", null, eur("10.00")),
                new AccountClassificationChanged("acc-1", "RESIDENTIAL", "VIP"),
                new CreditRatingChanged("acc-1", "AAA", "CAA"));

        assertThat(lookup.account("acc-1")).contains(new AccountFacts("acc-1", CustomerType.PERSON, EUR, "VIP", "CAA",
                ADDRESS, false, eur("10.00"), eur("50.00")));
    }

    @Test
    void anAccountsBalanceIsWhatItsLastPostingLeftAndItsLimitTheLatestAmendment() {
        store("Account", "acc-3", opened("acc-3"),
                new ChargePosted("acc-3", "p1", eur("60.00"), "Gold", null, eur("60.00")),
                new CreditLimitAmended("acc-3", eur("50.00"), eur("70.00"), "good payer"),
                new ChargePosted("acc-3", "p2", eur("20.00"), "Cinema", null, eur("80.00")));

        assertThat(lookup.account("acc-3")).hasValueSatisfying(facts -> {
            assertThat(facts.balance()).isEqualTo(eur("80.00"));
            assertThat(facts.creditLimit()).isEqualTo(eur("70.00"));
            assertThat(facts.overCreditLimit()).isTrue();
        });
    }

    @Test
    void anAccountWithoutPostingsOwesNothing() {
        store("Account", "acc-4", opened("acc-4"));

        assertThat(lookup.account("acc-4")).hasValueSatisfying(facts -> {
            assertThat(facts.balance()).isEqualTo(eur("0.00"));
            assertThat(facts.overCreditLimit()).isFalse();
        });
    }

    @Test
    void aClosedAccountIsKnownAsClosed() {
        store("Account", "acc-2", opened("acc-2"), new AccountClosed("acc-2", "moved abroad"));

        assertThat(lookup.account("acc-2")).hasValueSatisfying(facts -> assertThat(facts.closed()).isTrue());
    }

    @Test
    void anIdWithoutAnAccountsHistoryIsNoAccount() {
        var type = new SubscriptionTypeDefinition("GOLD-TV", "Gold TV", List.of(), List.of(), List.of());
        store("SubscriptionType", CatalogIds.subscriptionType("GOLD-TV"), new SubscriptionTypeCreated(type));

        assertThat(lookup.account("acc-404")).isEmpty();
        assertThat(lookup.account(CatalogIds.subscriptionType("GOLD-TV"))).isEmpty();
        assertThat(lookup.account(null)).isEmpty();
    }

    @Test
    void aCatalogEntryIsItsLatestDefinition() {
        var created = new SubscriptionTypeDefinition("GOLD-TV", "Gold TV", List.of("RESIDENTIAL"), List.of(),
                List.of("GOLD"));
        var amended = new SubscriptionTypeDefinition("GOLD-TV", "Gold TV", List.of("RESIDENTIAL"), List.of("NAGRA"),
                List.of("GOLD", "PLATINUM"));
        store("SubscriptionType", CatalogIds.subscriptionType("GOLD-TV"), new SubscriptionTypeCreated(created),
                new SubscriptionTypeAmended(amended));

        assertThat(lookup.subscriptionType("GOLD-TV")).contains(amended);
        assertThat(lookup.subscriptionType("SILVER-TV")).isEmpty();
        assertThat(lookup.product("GOLD-TV")).isEmpty();
    }

    @Test
    void theUsageCatalogsOfferingAServiceAreThoseListingItInTheirLatestDefinition() {
        var rate = new UsageRate(eur("3.00"), List.of());
        var braveheart = new UsageServiceEntry("BRAVEHEART", "1AQ82", rate, Validity.ALWAYS, "PPV-MOVIES");
        var limitless = new UsageServiceEntry("LIMITLESS", "1BQ12", rate, Validity.ALWAYS, "PPV-MOVIES");
        var movies = new UsageCatalogDefinition("MOVIES", "Movies", "NAGRA", Validity.ALWAYS, List.of(braveheart),
                List.of());
        var amended = new UsageCatalogDefinition("MOVIES", "Movies", "NAGRA", Validity.ALWAYS,
                List.of(braveheart, limitless), List.of());
        store("UsageCatalog", CatalogIds.usageCatalog("MOVIES"), new UsageCatalogCreated(movies),
                new UsageCatalogAmended(amended));
        store("UsageCatalog", CatalogIds.usageCatalog("SPORTS"), new UsageCatalogCreated(
                new UsageCatalogDefinition("SPORTS", "Sports", "NAGRA", Validity.ALWAYS, List.of(), List.of())));

        assertThat(lookup.usageCatalogsOffering("LIMITLESS")).containsExactly(amended);
        assertThat(lookup.usageCatalogsOffering("SERENDIPITY")).isEmpty();
    }

    @Test
    void aUsageCatalogAmendedAfterItWasReadIsReadAfresh() {
        // the listing knows each stream's last sequence number, as the JDBC listing does
        var versioned = new EventStoreSubscriptionLookup(eventStore, (plan, product, on) -> Optional.empty(),
                new AggregateIds() {
                    @Override
                    public List<String> startingWith(String prefix) {
                        return List.of(prefix + "MOVIES");
                    }

                    @Override
                    public Map<String, Long> lastSequenceNumbersStartingWith(String prefix) {
                        return Map.of(prefix + "MOVIES", eventStore.lastSequenceNumberFor(prefix + "MOVIES")
                                .orElseThrow());
                    }
                });
        var rate = new UsageRate(eur("3.00"), List.of());
        var braveheart = new UsageServiceEntry("BRAVEHEART", "1AQ82", rate, Validity.ALWAYS, "PPV-MOVIES");
        var limitless = new UsageServiceEntry("LIMITLESS", "1BQ12", rate, Validity.ALWAYS, "PPV-MOVIES");
        String id = CatalogIds.usageCatalog("MOVIES");
        eventStore.publish(new GenericDomainEventMessage<>("UsageCatalog", id, 0, new UsageCatalogCreated(
                new UsageCatalogDefinition("MOVIES", "Movies", "NAGRA", Validity.ALWAYS, List.of(braveheart),
                        List.of()))));
        assertThat(versioned.usageCatalogsOffering("LIMITLESS")).isEmpty();
        assertThat(versioned.usageCatalogsOffering("BRAVEHEART")).hasSize(1);

        var amended = new UsageCatalogDefinition("MOVIES", "Movies", "NAGRA", Validity.ALWAYS,
                List.of(braveheart, limitless), List.of());
        eventStore.publish(new GenericDomainEventMessage<>("UsageCatalog", id, 1, new UsageCatalogAmended(amended)));
        assertThat(versioned.usageCatalogsOffering("LIMITLESS")).containsExactly(amended);
    }
}
