package org.subledger.command.organisation;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.organisation.ChangeUserRoles;
import org.subledger.kernel.organisation.ChangeUserUnits;
import org.subledger.kernel.organisation.CreateUser;
import org.subledger.kernel.organisation.DisableUser;
import org.subledger.kernel.organisation.EnableUser;
import org.subledger.kernel.organisation.SetUserPassword;
import org.subledger.kernel.organisation.UserCreated;
import org.subledger.kernel.organisation.UserDisabled;
import org.subledger.kernel.organisation.UserEnabled;
import org.subledger.kernel.organisation.UserPasswordSet;
import org.subledger.kernel.organisation.UserRolesChanged;
import org.subledger.kernel.organisation.UserUnitsChanged;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.command.organisation.Refusals.refusal;

class UserTest {

    private static final String HASH = "{bcrypt}$2a$10$abcdefghijklmnopqrstuu0123456789012345678901234567890";
    private static final UserCreated MARIA = new UserCreated("maria", "Maria Georgiou", Set.of("AGENT"),
            List.of("SALES"), false);

    AggregateTestFixture<User> fixture;
    FakeDirectory directory;

    @BeforeEach
    void setUp() {
        directory = new FakeDirectory().unit("ALUXSAT", null).unit("SALES", "ALUXSAT")
                .unit("CUSTOMER-SERVICE", "ALUXSAT");
        fixture = new AggregateTestFixture<>(User.class);
        fixture.registerInjectableResource(directory);
    }

    @Test
    void createsAUserWithItsPasswordHashOutsideTheEvents() {
        fixture.givenNoPriorActivity()
                .when(new CreateUser("maria", "Maria Georgiou", Set.of("AGENT"), List.of("SALES"), false, HASH))
                .expectEvents(MARIA, new UserPasswordSet("maria"));
        assertThat(directory.hashes).containsEntry("maria", HASH);
    }

    @Test
    void creatingTheSameUserAgainRecordsNothingAndKeepsItsPassword() {
        fixture.given(MARIA)
                .when(new CreateUser("maria", "Maria Georgiou", Set.of("AGENT"), List.of("SALES"), false, HASH))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        assertThat(directory.hashes).isEmpty();
    }

    @Test
    void refusesATakenUserNameWithOtherDetails() {
        fixture.given(MARIA)
                .when(new CreateUser("maria", "Maria", Set.of("ADMIN"), List.of("SALES"), false, HASH))
                .expectException(refusal(ErrorCode.USER_EXISTS, "userName")).expectNoEvents();
    }

    @Test
    void refusesUnknownRolesAndUnitsAndAUserOfNoUnit() {
        fixture.givenNoPriorActivity()
                .when(new CreateUser("maria", "Maria", Set.of("GOD"), List.of("SALES"), false, HASH))
                .expectException(refusal(ErrorCode.VALIDATION_FAILED, "roles")).expectNoEvents();
        fresh().givenNoPriorActivity()
                .when(new CreateUser("maria", "Maria", Set.of("AGENT"), List.of("NOPE"), false, HASH))
                .expectException(refusal(ErrorCode.ORGANISATION_RULE_VIOLATED, "units")).expectNoEvents();
        fresh().givenNoPriorActivity()
                .when(new CreateUser("maria", "Maria", Set.of("AGENT"), List.of(), false, HASH))
                .expectException(refusal(ErrorCode.VALIDATION_FAILED, "units")).expectNoEvents();
        assertThat(directory.hashes).isEmpty();
    }

    @Test
    void refusesAMalformedUserName() {
        fixture.givenNoPriorActivity()
                .when(new CreateUser("ma ria", "Maria", Set.of("AGENT"), List.of("SALES"), false, HASH))
                .expectException(refusal(ErrorCode.VALIDATION_FAILED, "userName")).expectNoEvents();
    }

    @Test
    void changesRolesAndSuperUserOnlyWhenTheyDiffer() {
        fixture.given(MARIA).when(new ChangeUserRoles("maria", Set.of("AGENT", "SUPERVISOR"), true))
                .expectEvents(new UserRolesChanged("maria", Set.of("AGENT", "SUPERVISOR"), true));
        fresh().given(MARIA).when(new ChangeUserRoles("maria", Set.of("AGENT"), false)).expectNoEvents();
    }

    @Test
    void changesUnitsToExistingOnesTheFirstBeingTheActingUnit() {
        fixture.given(MARIA).when(new ChangeUserUnits("maria", List.of("CUSTOMER-SERVICE", "SALES")))
                .expectEvents(new UserUnitsChanged("maria", List.of("CUSTOMER-SERVICE", "SALES")));
        fresh().given(MARIA).when(new ChangeUserUnits("maria", List.of("SALES", "SALES")))
                .expectException(refusal(ErrorCode.VALIDATION_FAILED, "units")).expectNoEvents();
    }

    @Test
    void disablesAndEnablesOnce() {
        fixture.given(MARIA).when(new DisableUser("maria")).expectEvents(new UserDisabled("maria"));
        fresh().given(MARIA, new UserDisabled("maria")).when(new DisableUser("maria")).expectNoEvents();
        fresh().given(MARIA, new UserDisabled("maria")).when(new EnableUser("maria"))
                .expectEvents(new UserEnabled("maria"));
        fresh().given(MARIA).when(new EnableUser("maria")).expectNoEvents();
    }

    @Test
    void resetsThePasswordEveryTime() {
        fixture.given(MARIA, new UserPasswordSet("maria")).when(new SetUserPassword("maria", HASH))
                .expectEvents(new UserPasswordSet("maria"));
        assertThat(directory.hashes).containsEntry("maria", HASH);
    }

    @Test
    void neverTakesAPasswordThatIsNotHashed() {
        fixture.given(MARIA).when(new SetUserPassword("maria", "demo"))
                .expectException(IllegalArgumentException.class).expectNoEvents();
        assertThat(directory.hashes).isEmpty();
    }

    @Test
    void commandsNeverPrintTheHash() {
        assertThat(new SetUserPassword("maria", HASH).toString()).doesNotContain("bcrypt");
        assertThat(new CreateUser("maria", "M", Set.of("AGENT"), List.of("SALES"), false, HASH).toString())
                .doesNotContain("bcrypt");
    }

    private org.axonframework.test.aggregate.FixtureConfiguration<User> fresh() {
        return new AggregateTestFixture<>(User.class).registerInjectableResource(directory);
    }
}
