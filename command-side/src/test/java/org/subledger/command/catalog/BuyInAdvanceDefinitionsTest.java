package org.subledger.command.catalog;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.catalog.AllowedDuration;
import org.subledger.kernel.catalog.AmendBuyInAdvanceDefinition;
import org.subledger.kernel.catalog.BuyInAdvanceDefinition;
import org.subledger.kernel.catalog.BuyInAdvanceDefinitionAmended;
import org.subledger.kernel.catalog.BuyInAdvanceDefinitionCreated;
import org.subledger.kernel.catalog.CreateBuyInAdvanceDefinition;
import org.subledger.kernel.catalog.DefinitionState;
import org.subledger.kernel.error.ErrorCode;

import java.util.List;

import static org.subledger.command.catalog.CatalogFixtures.refusal;

class BuyInAdvanceDefinitionsTest {

    static final BuyInAdvanceDefinition YEAR = definition("YEAR", DefinitionState.EFFECTIVE,
            new AllowedDuration("GOLD", 12, 12));
    static final BuyInAdvanceDefinition HALF_YEAR = definition("HALF-YEAR", DefinitionState.DRAFT,
            new AllowedDuration("GOLD", 6, 12), new AllowedDuration("PLATINUM", 6, 6));

    AggregateTestFixture<BuyInAdvanceDefinitions> fixture;

    static BuyInAdvanceDefinition definition(String code, DefinitionState state, AllowedDuration... durations) {
        return new BuyInAdvanceDefinition(code, code + " in advance", state, List.of(durations));
    }

    static BuyInAdvanceDefinition in(BuyInAdvanceDefinition d, DefinitionState state) {
        return new BuyInAdvanceDefinition(d.code(), d.name(), state, d.allowedDurations());
    }

    @BeforeEach
    void setUp() {
        var catalog = new FakeCatalog();
        catalog.subscriptionTypes.addAll(List.of("GOLD", "PLATINUM"));
        fixture = new AggregateTestFixture<>(BuyInAdvanceDefinitions.class);
        fixture.registerInjectableResource(catalog);
    }

    @Test
    void recordsTheFirstDefinition() {
        fixture.givenNoPriorActivity().when(new CreateBuyInAdvanceDefinition(YEAR))
                .expectEvents(new BuyInAdvanceDefinitionCreated(YEAR));
    }

    @Test
    void recordsNothingWhenTheSameDefinitionIsCreatedAgain() {
        fixture.given(new BuyInAdvanceDefinitionCreated(YEAR)).when(new CreateBuyInAdvanceDefinition(YEAR))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void refusesAnotherDefinitionUnderATakenCode() {
        fixture.given(new BuyInAdvanceDefinitionCreated(YEAR))
                .when(new CreateBuyInAdvanceDefinition(in(YEAR, DefinitionState.DRAFT)))
                .expectException(refusal(ErrorCode.CATALOG_ENTRY_EXISTS)).expectNoEvents();
    }

    @Test
    void refusesASecondEffectiveDefinitionCreated() {
        fixture.given(new BuyInAdvanceDefinitionCreated(YEAR))
                .when(new CreateBuyInAdvanceDefinition(in(HALF_YEAR, DefinitionState.EFFECTIVE)))
                .expectException(refusal(ErrorCode.BUY_IN_ADVANCE_ALREADY_EFFECTIVE)).expectNoEvents();
    }

    @Test
    void acceptsADraftBesideTheEffectiveOne() {
        fixture.given(new BuyInAdvanceDefinitionCreated(YEAR)).when(new CreateBuyInAdvanceDefinition(HALF_YEAR))
                .expectEvents(new BuyInAdvanceDefinitionCreated(HALF_YEAR));
    }

    @Test
    void refusesToActivateASecondDefinition() {
        fixture.given(new BuyInAdvanceDefinitionCreated(YEAR), new BuyInAdvanceDefinitionCreated(HALF_YEAR))
                .when(new AmendBuyInAdvanceDefinition(in(HALF_YEAR, DefinitionState.EFFECTIVE)))
                .expectException(refusal(ErrorCode.BUY_IN_ADVANCE_ALREADY_EFFECTIVE)).expectNoEvents();
    }

    @Test
    void activatesAnotherOnceTheEffectiveOneIsWithdrawn() {
        fixture.given(new BuyInAdvanceDefinitionCreated(YEAR), new BuyInAdvanceDefinitionCreated(HALF_YEAR),
                        new BuyInAdvanceDefinitionAmended(in(YEAR, DefinitionState.INACTIVE)))
                .when(new AmendBuyInAdvanceDefinition(in(HALF_YEAR, DefinitionState.EFFECTIVE)))
                .expectEvents(new BuyInAdvanceDefinitionAmended(in(HALF_YEAR, DefinitionState.EFFECTIVE)));
    }

    @Test
    void amendsTheEffectiveDefinitionItself() {
        var wider = definition("YEAR", DefinitionState.EFFECTIVE, new AllowedDuration("GOLD", 6, 12));
        fixture.given(new BuyInAdvanceDefinitionCreated(YEAR)).when(new AmendBuyInAdvanceDefinition(wider))
                .expectEvents(new BuyInAdvanceDefinitionAmended(wider));
    }

    @Test
    void refusesToAmendADefinitionThatDoesNotExist() {
        fixture.given(new BuyInAdvanceDefinitionCreated(YEAR)).when(new AmendBuyInAdvanceDefinition(HALF_YEAR))
                .expectException(refusal(ErrorCode.CATALOG_ENTRY_NOT_FOUND)).expectNoEvents();
        fixture.givenNoPriorActivity().when(new AmendBuyInAdvanceDefinition(HALF_YEAR))
                .expectException(refusal(ErrorCode.CATALOG_ENTRY_NOT_FOUND)).expectNoEvents();
    }

    @Test
    void refusesUnknownSubscriptionTypes() {
        fixture.givenNoPriorActivity().when(new CreateBuyInAdvanceDefinition(definition("X", DefinitionState.DRAFT,
                        new AllowedDuration("SILVER", 12, 12))))
                .expectException(refusal(ErrorCode.CATALOG_RULE_VIOLATED, "allowedDurations.subscriptionTypeCode"))
                .expectNoEvents();
    }

    @Test
    void refusesRangesUpsideDownOrOutOfBounds() {
        for (var bad : List.of(new AllowedDuration("GOLD", 12, 6), new AllowedDuration("GOLD", 0, 6),
                new AllowedDuration("GOLD", 12, 121))) {
            fixture.givenNoPriorActivity().when(new CreateBuyInAdvanceDefinition(definition("X",
                            DefinitionState.DRAFT, bad)))
                    .expectException(refusal(ErrorCode.VALIDATION_FAILED, "allowedDurations")).expectNoEvents();
        }
    }

    @Test
    void refusesTwoRangesForOneTypeOrNoneAtAll() {
        fixture.givenNoPriorActivity().when(new CreateBuyInAdvanceDefinition(definition("X", DefinitionState.DRAFT,
                        new AllowedDuration("GOLD", 12, 12), new AllowedDuration("GOLD", 6, 6))))
                .expectException(refusal(ErrorCode.VALIDATION_FAILED, "allowedDurations")).expectNoEvents();
        fixture.givenNoPriorActivity().when(new CreateBuyInAdvanceDefinition(definition("X",
                        DefinitionState.DRAFT)))
                .expectException(refusal(ErrorCode.VALIDATION_FAILED, "allowedDurations")).expectNoEvents();
    }

    @Test
    void refusesADefinitionWithoutState() {
        fixture.givenNoPriorActivity().when(new CreateBuyInAdvanceDefinition(new BuyInAdvanceDefinition("X", "X",
                        null, YEAR.allowedDurations())))
                .expectException(refusal(ErrorCode.VALIDATION_FAILED, "state")).expectNoEvents();
    }
}
