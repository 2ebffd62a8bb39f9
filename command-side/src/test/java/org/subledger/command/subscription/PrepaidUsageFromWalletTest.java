package org.subledger.command.subscription;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.catalog.BillingFrequency;
import org.subledger.kernel.catalog.BillingTermSchemeDefinition;
import org.subledger.kernel.catalog.BillingTiming;
import org.subledger.kernel.catalog.PrepaidSettlement;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.usage.UsageBillingReason;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.command.subscription.SubscriptionFixtures.ACCOUNT;
import static org.subledger.command.subscription.SubscriptionFixtures.DAY_ONE;
import static org.subledger.command.subscription.SubscriptionFixtures.effective;
import static org.subledger.command.subscription.SubscriptionFixtures.eur;
import static org.subledger.command.subscription.SubscriptionUsageTest.EVENING;
import static org.subledger.command.subscription.SubscriptionUsageTest.MOVIES;
import static org.subledger.command.subscription.SubscriptionUsageTest.braveheart;
import static org.subledger.command.subscription.SubscriptionUsageTest.cinemaFrom;
import static org.subledger.command.subscription.SubscriptionUsageTest.due;
import static org.subledger.command.subscription.SubscriptionUsageTest.evening;
import static org.subledger.command.subscription.SubscriptionUsageTest.usage;
import static org.subledger.command.subscription.UsageBatchTest.batch;
import static org.subledger.command.subscription.UsageBatchTest.refusedFor;

/**
 * Prepaid usage on a scheme settled from the wallet is paid from the account's wallet as it is recorded: each
 * record the funds left cover is recorded and consumed, one they cannot cover is refused and records nothing.
 */
class PrepaidUsageFromWalletTest {

    FakeSubscriptionLookup lookup;
    FakePrepaidWallets wallets;
    FixtureConfiguration<Subscription> fixture;

    @BeforeEach
    void setUp() {
        lookup = SubscriptionFixtures.lookup().with(MOVIES).with(prepaid(PrepaidSettlement.WALLET));
        wallets = new FakePrepaidWallets();
        fixture = SubscriptionFixtures.fixture(lookup, new FakeSerialNumbers(), new FakeUsageRecordIds(), wallets);
        fixture.registerInjectableResource(Clock.fixed(Instant.parse("2026-04-01T09:00:00Z"), ZoneOffset.UTC));
    }

    static BillingTermSchemeDefinition prepaid(PrepaidSettlement settlement) {
        return new BillingTermSchemeDefinition("RESIDENTIAL", "Residential", List.of(BillingFrequency.MONTHLY),
                12, List.of("STANDARD"), "STANDARD", true, false, BillingTiming.IN_ADVANCE, null, null, true,
                settlement);
    }

    @Test
    void aBatchTakesWhatTheWalletCoversAndRefusesTheRecordsItCannot() {
        wallets.holding(ACCOUNT, eur("7.00"));
        fixture.given(effective(), cinemaFrom(DAY_ONE))
                .when(batch(braveheart("R1", EVENING), braveheart("R2", EVENING), braveheart("R3", EVENING)))
                .expectEvents(evening("R1"), evening("R2"), due(UsageBillingReason.PREPAID, "6.00", 2))
                .expectResultMessagePayloadMatching(Matchers.predicate((SubscriptionUsage.Outcome outcome) ->
                        outcome.accepted().equals(List.of("R1", "R2")) && outcome.refused().size() == 1
                                && refusedFor(outcome, "R3", ErrorCode.WALLET_INSUFFICIENT_FUNDS)));
        assertThat(wallets.consumed).extracting(FakePrepaidWallets.Consumption::recordId)
                .containsExactly("R1", "R2");
        assertThat(wallets.of(ACCOUNT).balance(eur("0").currency())).isEqualTo(eur("1.00"));
    }

    @Test
    void aSingleRecordTheWalletCannotCoverIsRefusedAndRecordsNothing() {
        fixture.given(effective(), cinemaFrom(DAY_ONE))
                .when(usage(braveheart("R1", EVENING)))
                .expectNoEvents()
                .expectException(org.subledger.kernel.error.LedgerRefusal.class);
        assertThat(wallets.consumed).isEmpty();
    }

    @Test
    void aSchemeThatBillsTheAccountLeavesTheWalletAlone() {
        lookup.with(prepaid(PrepaidSettlement.ACCOUNT));
        fixture.given(effective(), cinemaFrom(DAY_ONE))
                .when(usage(braveheart("R1", EVENING)))
                .expectEvents(evening("R1"), due(UsageBillingReason.PREPAID, "3.00", 1));
        assertThat(wallets.consumed).isEmpty();
    }
}
