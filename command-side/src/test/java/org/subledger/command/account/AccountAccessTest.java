package org.subledger.command.account;

import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.access.AccessScope;
import org.subledger.kernel.account.AccountOpened;
import org.subledger.kernel.account.ChargePosted;
import org.subledger.kernel.account.CustomerType;
import org.subledger.kernel.account.OpenAccount;
import org.subledger.kernel.account.PostCharge;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.metadata.LedgerMetadata;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.subledger.command.account.AccountTest.CONTACT;
import static org.subledger.command.account.AccountTest.EUR;
import static org.subledger.command.account.AccountTest.ID;
import static org.subledger.command.account.AccountTest.MARIA;
import static org.subledger.command.account.AccountTest.amount;
import static org.subledger.command.account.AccountTest.eur;

/** Who may change an account: its owning unit's members, their collaborators, super users and the ledger itself. */
class AccountAccessTest {

    static final AccessScope SALES_AGENT = staff("sam", "SALES");
    static final AccessScope SERVICE_AGENT = staff("agnes", "CUSTOMER-SERVICE");
    /** A Customer Service agent whose unit collaborates with Sales. */
    static final AccessScope COLLABORATING_AGENT = new AccessScope("carl", "CUSTOMER-SERVICE",
            Set.of("CUSTOMER-SERVICE", "SALES"), false, false, Set.of());
    static final AccessScope SUPER_USER = new AccessScope("admin", "SYSADMIN", Set.of("SYSADMIN"), true, false,
            Set.of());

    FixtureConfiguration<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Account.class);
        fixture.registerInjectableResource((AccountSubscriptions) accountId -> List.of());
        fixture.registerInjectableResource(AccountTest.postingIdsOfTheStream(fixture));
    }

    static AccessScope staff(String name, String unit) {
        return new AccessScope(name, unit, Set.of(unit), false, false, Set.of());
    }

    static MetaData as(AccessScope scope) {
        return MetaData.with(LedgerMetadata.ACCESS_SCOPE, scope);
    }

    static AccountOpened ownedBySales() {
        return new AccountOpened(ID, CustomerType.PERSON, MARIA, null, CONTACT, EUR, eur("50.00"), "AAA",
                "RESIDENTIAL", "sam", "SALES");
    }

    static PostCharge charge() {
        return new PostCharge(ID, "p-1", amount("10.00"), null, "Gold package", "INV-1");
    }

    static Matcher<?> notFoundAsIfMissing() {
        return Matchers.predicate(exception -> exception instanceof LedgerRefusal refusal
                && refusal.code() == ErrorCode.ACCOUNT_NOT_FOUND && refusal.refusedRecord() != null
                && refusal.getMessage().equals("No record with id " + ID));
    }

    static OpenAccount open(String owningUnit) {
        return new OpenAccount(ID, CustomerType.PERSON, MARIA, null, CONTACT, EUR, amount("50.00"), "AAA",
                "RESIDENTIAL", "someone", owningUnit);
    }

    @Nested
    class Opening {
        @Test
        void anAccountIsOwnedByTheUnitItsOpenerActsFor() {
            fixture.givenNoPriorActivity()
                    .when(open(null), as(SALES_AGENT))
                    .expectEvents(new AccountOpened(ID, CustomerType.PERSON, MARIA, null, CONTACT, EUR,
                            eur("50.00"), "AAA", "RESIDENTIAL", "someone", "SALES"));
        }

        @Test
        void aSuperUserOpensOnBehalfOfAnyUnit() {
            fixture.givenNoPriorActivity()
                    .when(open("CUSTOMER-SERVICE"), as(SUPER_USER))
                    .expectEvents(new AccountOpened(ID, CustomerType.PERSON, MARIA, null, CONTACT, EUR,
                            eur("50.00"), "AAA", "RESIDENTIAL", "someone", "CUSTOMER-SERVICE"));
        }

        @Test
        void anAgentMayNotOpenForAUnitItDoesNotActFor() {
            fixture.givenNoPriorActivity()
                    .when(open("SALES"), as(SERVICE_AGENT))
                    .expectNoEvents()
                    .expectException(AccountTest.refusal(ErrorCode.VALIDATION_FAILED));
        }

        @Test
        void theLedgersOwnCommandsOpenAnAccountOfNoUnit() {
            fixture.givenNoPriorActivity()
                    .when(open(null))
                    .expectEvents(new AccountOpened(ID, CustomerType.PERSON, MARIA, null, CONTACT, EUR,
                            eur("50.00"), "AAA", "RESIDENTIAL", "someone", null));
        }
    }

    @Nested
    class GivenAnAccountOwnedBySales {
        @Test
        void aCustomerServiceAgentIsAnsweredAsIfItDidNotExistAndNothingIsRecorded() {
            fixture.given(ownedBySales())
                    .when(charge(), as(SERVICE_AGENT))
                    .expectNoEvents()
                    .expectException(notFoundAsIfMissing());
        }

        @Test
        void aSalesAgentChargesIt() {
            fixture.given(ownedBySales())
                    .when(charge(), as(SALES_AGENT))
                    .expectEvents(new ChargePosted(ID, "p-1", eur("10.00"), "Gold package", "INV-1", eur("10.00")));
        }

        @Test
        void anAgentOfACollaboratingUnitChargesIt() {
            fixture.given(ownedBySales())
                    .when(charge(), as(COLLABORATING_AGENT))
                    .expectEvents(new ChargePosted(ID, "p-1", eur("10.00"), "Gold package", "INV-1", eur("10.00")));
        }

        @Test
        void aSuperUserChargesIt() {
            fixture.given(ownedBySales())
                    .when(charge(), as(SUPER_USER))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void theLedgersOwnCommandsCarryNoScopeAndAreAllowed() {
            fixture.given(ownedBySales())
                    .when(charge())
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void aScopeThatCrossedAxonServerAsAMapIsStillEnforced() {
            Map<String, Object> serialized = Map.of("principal", "agnes", "actingUnit", "CUSTOMER-SERVICE",
                    "units", List.of("CUSTOMER-SERVICE"), "superUser", false, "superReader", false,
                    "customerAccounts", List.of());
            fixture.given(ownedBySales())
                    .when(charge(), MetaData.with(LedgerMetadata.ACCESS_SCOPE, serialized))
                    .expectNoEvents()
                    .expectException(notFoundAsIfMissing());
        }
    }

    @Nested
    class GivenAnAccountOfNoUnit {
        @Test
        void anyStaffMemberChangesIt() {
            fixture.given(AccountTest.opened())
                    .when(charge(), as(SERVICE_AGENT))
                    .expectSuccessfulHandlerExecution();
        }
    }
}
