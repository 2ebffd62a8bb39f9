package org.subledger.command.catalog;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.catalog.AmendEventChargeRule;
import org.subledger.kernel.catalog.ChargeRecurrence;
import org.subledger.kernel.catalog.CreateEventChargeRule;
import org.subledger.kernel.catalog.DefinitionState;
import org.subledger.kernel.catalog.EventChargeRuleAmended;
import org.subledger.kernel.catalog.EventChargeRuleCreated;
import org.subledger.kernel.catalog.EventChargeRuleDefinition;
import org.subledger.kernel.catalog.PricePlanDefinition;
import org.subledger.kernel.catalog.PricePlanKind;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.subscription.BehaviourCode;

import java.util.List;

import static org.subledger.command.catalog.CatalogFixtures.FEE;
import static org.subledger.command.catalog.CatalogFixtures.product;
import static org.subledger.command.catalog.CatalogFixtures.refusal;

class EventChargeRulesTest {

    static final EventChargeRuleDefinition START_UP = rule("START-UP-FEE", "START-UP-FEE", null,
            DefinitionState.EFFECTIVE);

    AggregateTestFixture<EventChargeRules> fixture;

    static EventChargeRuleDefinition rule(String code, String product, String plan, DefinitionState state) {
        return new EventChargeRuleDefinition(code, code + " rule", BehaviourCode.BECOME_SUBSCRIBER, product, plan,
                ChargeRecurrence.ONCE_PER_SUBSCRIPTION, state);
    }

    @BeforeEach
    void setUp() {
        var catalog = new FakeCatalog().with(FEE).with(product("START-UP-FEE", FEE.code()))
                .with(new PricePlanDefinition("STANDARD", "Standard", PricePlanKind.BASE, null, "EUR", List.of(),
                        List.of(), List.of()));
        fixture = new AggregateTestFixture<>(EventChargeRules.class);
        fixture.registerInjectableResource(catalog);
    }

    @Test
    void recordsTheFirstRule() {
        fixture.givenNoPriorActivity().when(new CreateEventChargeRule(START_UP))
                .expectEvents(new EventChargeRuleCreated(START_UP));
    }

    @Test
    void recordsNothingWhenTheSameRuleIsCreatedAgain() {
        fixture.given(new EventChargeRuleCreated(START_UP)).when(new CreateEventChargeRule(START_UP))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void refusesAnotherRuleUnderATakenCode() {
        fixture.given(new EventChargeRuleCreated(START_UP))
                .when(new CreateEventChargeRule(rule("START-UP-FEE", "START-UP-FEE", "STANDARD",
                        DefinitionState.EFFECTIVE)))
                .expectException(refusal(ErrorCode.CATALOG_ENTRY_EXISTS)).expectNoEvents();
    }

    @Test
    void aRuleIsRetiredByAmendingItsState() {
        var retired = rule("START-UP-FEE", "START-UP-FEE", null, DefinitionState.INACTIVE);
        fixture.given(new EventChargeRuleCreated(START_UP)).when(new AmendEventChargeRule(retired))
                .expectEvents(new EventChargeRuleAmended(retired));
    }

    @Test
    void refusesToAmendARuleThatDoesNotExist() {
        fixture.given(new EventChargeRuleCreated(START_UP))
                .when(new AmendEventChargeRule(rule("OTHER", "START-UP-FEE", null, DefinitionState.EFFECTIVE)))
                .expectException(refusal(ErrorCode.CATALOG_ENTRY_NOT_FOUND)).expectNoEvents();
    }

    @Test
    void refusesAProductOrPricePlanTheCatalogDoesNotHave() {
        fixture.givenNoPriorActivity()
                .when(new CreateEventChargeRule(rule("FEE-X", "NO-SUCH-PRODUCT", null, DefinitionState.EFFECTIVE)))
                .expectException(refusal(ErrorCode.CATALOG_RULE_VIOLATED, "productCode")).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new CreateEventChargeRule(rule("FEE-X", "START-UP-FEE", "NO-PLAN", DefinitionState.EFFECTIVE)))
                .expectException(refusal(ErrorCode.CATALOG_RULE_VIOLATED, "pricePlanCode")).expectNoEvents();
    }

    @Test
    void refusesARuleWithoutTriggerOrWithABadCode() {
        fixture.givenNoPriorActivity()
                .when(new CreateEventChargeRule(new EventChargeRuleDefinition("FEE-X", "x", null, "START-UP-FEE",
                        null, ChargeRecurrence.EVERY_TIME, DefinitionState.EFFECTIVE)))
                .expectException(refusal(ErrorCode.VALIDATION_FAILED, "trigger")).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new CreateEventChargeRule(rule("fee x", "START-UP-FEE", null, DefinitionState.EFFECTIVE)))
                .expectException(refusal(ErrorCode.VALIDATION_FAILED, "code")).expectNoEvents();
    }
}
