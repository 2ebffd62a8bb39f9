package org.subledger.command.organisation;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.organisation.CollaborationEnded;
import org.subledger.kernel.organisation.CollaborationStarted;
import org.subledger.kernel.organisation.CreateUnit;
import org.subledger.kernel.organisation.EndCollaboration;
import org.subledger.kernel.organisation.MoveUnit;
import org.subledger.kernel.organisation.RenameUnit;
import org.subledger.kernel.organisation.StartCollaboration;
import org.subledger.kernel.organisation.UnitCreated;
import org.subledger.kernel.organisation.UnitKind;
import org.subledger.kernel.organisation.UnitMoved;
import org.subledger.kernel.organisation.UnitRenamed;

import static org.subledger.command.organisation.Refusals.refusal;

class UnitTest {

    private static final UnitCreated SALES = new UnitCreated("SALES", "Sales", UnitKind.DEPARTMENT, "ALUXSAT");

    AggregateTestFixture<Unit> fixture;
    FakeDirectory directory;

    @BeforeEach
    void setUp() {
        directory = new FakeDirectory().unit("ALUXSAT", null).unit("SALES", "ALUXSAT").unit("TEAM-A", "SALES")
                .unit("BILLING-FINANCE", "ALUXSAT");
        fixture = new AggregateTestFixture<>(Unit.class);
        fixture.registerInjectableResource(directory);
    }

    @Test
    void createsAUnitUnderAnExistingParent() {
        fixture.givenNoPriorActivity()
                .when(new CreateUnit("SALES", "Sales", UnitKind.DEPARTMENT, "ALUXSAT"))
                .expectEvents(SALES);
    }

    @Test
    void creatingTheSameUnitAgainRecordsNothing() {
        fixture.given(SALES).when(new CreateUnit("SALES", "Sales", UnitKind.DEPARTMENT, "ALUXSAT"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void refusesATakenCodeWithAnotherDefinition() {
        fixture.given(SALES).when(new CreateUnit("SALES", "Other", UnitKind.DEPARTMENT, "ALUXSAT"))
                .expectException(refusal(ErrorCode.UNIT_EXISTS, "code")).expectNoEvents();
    }

    @Test
    void refusesAnUnknownParent() {
        fixture.givenNoPriorActivity().when(new CreateUnit("X", "X", UnitKind.GROUP, "NOPE"))
                .expectException(refusal(ErrorCode.ORGANISATION_RULE_VIOLATED, "parent")).expectNoEvents();
    }

    @Test
    void refusesAThirdPartyUnderAnotherUnit() {
        fixture.givenNoPriorActivity().when(new CreateUnit("INSTALLER-X", "X", UnitKind.THIRD_PARTY, "ALUXSAT"))
                .expectException(refusal(ErrorCode.ORGANISATION_RULE_VIOLATED, "parent")).expectNoEvents();
    }

    @Test
    void refusesAMalformedCodeOrName() {
        fixture.givenNoPriorActivity().when(new CreateUnit("sales", "Sales", UnitKind.DEPARTMENT, null))
                .expectException(refusal(ErrorCode.VALIDATION_FAILED, "code")).expectNoEvents();
        new AggregateTestFixture<>(Unit.class).registerInjectableResource(directory).givenNoPriorActivity()
                .when(new CreateUnit("SALES", "two\nlines", UnitKind.DEPARTMENT, null))
                .expectException(refusal(ErrorCode.VALIDATION_FAILED, "name")).expectNoEvents();
    }

    @Test
    void renamesAUnitOnceForTheSameName() {
        fixture.given(SALES).when(new RenameUnit("SALES", "Sales & Retail"))
                .expectEvents(new UnitRenamed("SALES", "Sales & Retail"));
        new AggregateTestFixture<>(Unit.class).given(SALES).when(new RenameUnit("SALES", "Sales")).expectNoEvents();
    }

    @Test
    void movesAUnitUnderAnotherParent() {
        fixture.given(SALES).when(new MoveUnit("SALES", "BILLING-FINANCE"))
                .expectEvents(new UnitMoved("SALES", "BILLING-FINANCE"));
    }

    @Test
    void refusesToMoveAUnitUnderItselfOrItsDescendant() {
        fixture.given(SALES).when(new MoveUnit("SALES", "TEAM-A"))
                .expectException(refusal(ErrorCode.ORGANISATION_RULE_VIOLATED, "parent")).expectNoEvents();
        new AggregateTestFixture<>(Unit.class).registerInjectableResource(directory).given(SALES)
                .when(new MoveUnit("SALES", "SALES"))
                .expectException(refusal(ErrorCode.ORGANISATION_RULE_VIOLATED, "parent")).expectNoEvents();
    }

    @Test
    void refusesToMoveUnderAnUnknownUnit() {
        fixture.given(SALES).when(new MoveUnit("SALES", "NOPE"))
                .expectException(refusal(ErrorCode.ORGANISATION_RULE_VIOLATED, "parent")).expectNoEvents();
    }

    @Test
    void startsACollaborationOnce() {
        fixture.given(SALES).when(new StartCollaboration("SALES", "BILLING-FINANCE"))
                .expectEvents(new CollaborationStarted("SALES", "BILLING-FINANCE"));
        new AggregateTestFixture<>(Unit.class).registerInjectableResource(directory)
                .given(SALES, new CollaborationStarted("SALES", "BILLING-FINANCE"))
                .when(new StartCollaboration("SALES", "BILLING-FINANCE")).expectNoEvents();
    }

    @Test
    void refusesACollaborationWithItselfOrAnUnknownUnit() {
        fixture.given(SALES).when(new StartCollaboration("SALES", "SALES"))
                .expectException(refusal(ErrorCode.ORGANISATION_RULE_VIOLATED, "with")).expectNoEvents();
        new AggregateTestFixture<>(Unit.class).registerInjectableResource(directory).given(SALES)
                .when(new StartCollaboration("SALES", "NOPE"))
                .expectException(refusal(ErrorCode.ORGANISATION_RULE_VIOLATED, "with")).expectNoEvents();
    }

    @Test
    void endsAStartedCollaborationAndIgnoresAnUnknownOne() {
        fixture.given(SALES, new CollaborationStarted("SALES", "BILLING-FINANCE"))
                .when(new EndCollaboration("SALES", "BILLING-FINANCE"))
                .expectEvents(new CollaborationEnded("SALES", "BILLING-FINANCE"));
        new AggregateTestFixture<>(Unit.class).given(SALES).when(new EndCollaboration("SALES", "BILLING-FINANCE"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void anUnknownUnitCannotBeRenamed() {
        fixture.givenNoPriorActivity().when(new RenameUnit("GHOST", "Ghost"))
                .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class);
    }
}
