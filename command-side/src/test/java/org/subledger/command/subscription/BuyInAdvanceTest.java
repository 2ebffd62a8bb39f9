package org.subledger.command.subscription;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.billing.SubscriptionBilled;
import org.subledger.kernel.catalog.AllowedDuration;
import org.subledger.kernel.catalog.BuyInAdvanceDefinition;
import org.subledger.kernel.catalog.DefinitionState;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.subscription.BehaviourCode;
import org.subledger.kernel.subscription.BuyInAdvanceRequested;
import org.subledger.kernel.subscription.RequestBuyInAdvance;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.subledger.command.subscription.SubscriptionFixtures.ACCOUNT;
import static org.subledger.command.subscription.SubscriptionFixtures.DAY_ONE;
import static org.subledger.command.subscription.SubscriptionFixtures.ID;
import static org.subledger.command.subscription.SubscriptionFixtures.action;
import static org.subledger.command.subscription.SubscriptionFixtures.draft;
import static org.subledger.command.subscription.SubscriptionFixtures.effective;
import static org.subledger.command.subscription.SubscriptionFixtures.lookup;
import static org.subledger.command.subscription.SubscriptionFixtures.refusal;

/** B1-B3 on the subscription: a request is decided by the effective buy-in-advance definition, then recorded once. */
class BuyInAdvanceTest {

    static final LocalDate REQUESTED = DAY_ONE.plusDays(10);
    static final BuyInAdvanceDefinition GOLD_YEAR = new BuyInAdvanceDefinition("GOLD-YEAR-AHEAD", "A Gold year",
            DefinitionState.EFFECTIVE, List.of(new AllowedDuration("GOLD-TV", 12, 12),
            new AllowedDuration("OTHER", 3, 6)));

    static FixtureConfiguration<Subscription> fixture(Optional<BuyInAdvanceDefinition> offered) {
        var fixture = SubscriptionFixtures.fixture(lookup());
        BuyInAdvanceOffers offers = () -> offered;
        fixture.registerInjectableResource(offers);
        return fixture;
    }

    static BuyInAdvanceRequested requested(String requestId, LocalDate from) {
        return new BuyInAdvanceRequested(ID, ACCOUNT, requestId, "GOLD-YEAR-AHEAD", 12, REQUESTED, from,
                from.plusMonths(12), action(BehaviourCode.REQUEST_BUY_IN_ADVANCE));
    }

    @Test
    void aGoldSubscriptionBuysTwelveMonthsFromWhereItIsBilledThrough() {
        LocalDate billedThrough = DAY_ONE.plusMonths(1);
        fixture(Optional.of(GOLD_YEAR))
                .given(effective(), new SubscriptionBilled(ID, ACCOUNT, "bill-1", "2026-1", null, DAY_ONE,
                        billedThrough, billedThrough, List.of(), List.of(), List.of(), null))
                .when(new RequestBuyInAdvance(ID, "req-1", 12, REQUESTED))
                .expectEvents(requested("req-1", billedThrough));
    }

    @Test
    void aSubscriptionNeverBilledBuysFromItsAnchor() {
        fixture(Optional.of(GOLD_YEAR)).given(effective())
                .when(new RequestBuyInAdvance(ID, "req-1", 12, REQUESTED))
                .expectEvents(requested("req-1", DAY_ONE));
    }

    @Test
    void aRepeatedRequestRecordsNothing() {
        fixture(Optional.of(GOLD_YEAR)).given(effective(), requested("req-1", DAY_ONE))
                .when(new RequestBuyInAdvance(ID, "req-1", 12, REQUESTED))
                .expectNoEvents();
    }

    @Test
    void aSecondRequestBuysFromTheEndOfTheFirst() {
        fixture(Optional.of(GOLD_YEAR)).given(effective(), requested("req-1", DAY_ONE))
                .when(new RequestBuyInAdvance(ID, "req-2", 12, REQUESTED))
                .expectEvents(requested("req-2", DAY_ONE.plusMonths(12)));
    }

    @Test
    void refusesWhenNoDefinitionIsEffective() {
        // B3
        fixture(Optional.empty()).given(effective())
                .when(new RequestBuyInAdvance(ID, "req-1", 12, REQUESTED))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.BUY_IN_ADVANCE_NOT_OFFERED));
    }

    @Test
    void refusesATypeTheDefinitionDoesNotList() {
        // B2: the definition allows GOLD-TV and OTHER; a subscription of another type may not
        var onlyOthers = new BuyInAdvanceDefinition("OTHERS", "Others", DefinitionState.EFFECTIVE,
                List.of(new AllowedDuration("OTHER", 12, 12)));
        fixture(Optional.of(onlyOthers)).given(effective())
                .when(new RequestBuyInAdvance(ID, "req-1", 12, REQUESTED))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.BUY_IN_ADVANCE_DURATION_NOT_ALLOWED, "months"));
    }

    @Test
    void refusesMonthsOutsideTheAllowedDuration() {
        fixture(Optional.of(GOLD_YEAR)).given(effective())
                .when(new RequestBuyInAdvance(ID, "req-1", 6, REQUESTED))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.BUY_IN_ADVANCE_DURATION_NOT_ALLOWED, "months"));
    }

    @Test
    void refusesNoMonthsAsInvalidInput() {
        fixture(Optional.of(GOLD_YEAR)).given(effective())
                .when(new RequestBuyInAdvance(ID, "req-1", 0, REQUESTED))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.VALIDATION_FAILED, "months"));
    }

    @Test
    void aDraftBuysNothingInAdvance() {
        fixture(Optional.of(GOLD_YEAR)).given(draft())
                .when(new RequestBuyInAdvance(ID, "req-1", 12, REQUESTED))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.SUBSCRIPTION_STATE_INVALID));
    }
}
