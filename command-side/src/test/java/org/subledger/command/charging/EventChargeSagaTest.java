package org.subledger.command.charging;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.subledger.command.process.ProcessSteps;
import org.subledger.kernel.billing.IssueEventChargeBill;
import org.subledger.kernel.billing.LineExplanation;
import org.subledger.kernel.rating.RatingEngine;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.process.RecordProcessStepRefusal;
import org.subledger.kernel.catalog.BillingFrequency;
import org.subledger.kernel.catalog.ChargeRecurrence;
import org.subledger.kernel.catalog.DefinitionState;
import org.subledger.kernel.catalog.EventChargeRuleDefinition;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.rating.Rate;
import org.subledger.kernel.rating.RateLevel;
import org.subledger.kernel.rating.RateModel;
import org.subledger.kernel.rating.TierBasis;
import org.subledger.kernel.subscription.BehaviourCode;
import org.subledger.kernel.subscription.BillingTerms;
import org.subledger.kernel.subscription.InstalledItem;
import org.subledger.kernel.subscription.InstalledItemSwapped;
import org.subledger.kernel.subscription.SubscriptionAction;
import org.subledger.kernel.subscription.SubscriptionCreated;
import org.subledger.kernel.subscription.SubscriptionState;
import org.subledger.kernel.subscription.SubscriptionTerminated;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** S4: a start-up fee of 5.00 is charged once when a customer becomes a subscriber; charges survive redelivery. */
class EventChargeSagaTest {

    static final String SUBSCRIPTION = "0b7e3f4c-5d1a-4a8e-9c61-2f8d7a9b1c30";
    static final String ACCOUNT = "acc-1";
    static final LocalDate DAY_ONE = LocalDate.of(2026, 3, 2);
    static final LocalDate IN_MAY = LocalDate.of(2026, 5, 4);
    static final Currency EUR = Currency.getInstance("EUR");

    /** STANDARD prices the start-up fee 5.00 and an installation 20.00 (15.00 from May); a swap costs it once. */
    static final PriceList PRICES = (plan, product, on) -> {
        if (!plan.equals("STANDARD")) {
            return Optional.empty();
        }
        return switch (product) {
            case "START-UP-FEE" -> Optional.of(Rate.flat(Money.of("5.00", "EUR")));
            case "INSTALL" -> Optional.of(Rate.flat(Money.of(on.isBefore(IN_MAY) ? "20.00" : "15.00", "EUR")));
            default -> Optional.empty();
        };
    };

    static final List<EventChargeRule> RULE_LIST = List.of(EventChargeRule.startUpFee(),
            new EventChargeRule("install", BehaviourCode.SWAP_INSTALLED_ITEM, "INSTALL", null,
                    ChargeRecurrence.EVERY_TIME),
            new EventChargeRule(null, BehaviourCode.SWAP_INSTALLED_ITEM, "START-UP-FEE", "STANDARD",
                    ChargeRecurrence.ONCE_PER_SUBSCRIPTION));
    static final EventChargeRuleBook RULES = () -> RULE_LIST;
    /** The sample catalog's one rule. */
    static final EventChargeRuleBook START_UP_FEE_ONLY = () -> List.of(EventChargeRule.startUpFee());

    SagaTestFixture<EventChargeSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(EventChargeSaga.class);
        fixture.registerResource(PRICES);
        fixture.registerResource(START_UP_FEE_ONLY);
        fixture.registerResource(new ProcessSteps(DefaultCommandGateway.builder()
                .commandBus(fixture.getCommandBus()).build()));
    }

    static SubscriptionCreated created() {
        return new SubscriptionCreated(SUBSCRIPTION, ACCOUNT, "GOLD-TV", SubscriptionState.DRAFT,
                new BillingTerms("RESIDENTIAL", "STANDARD", BillingFrequency.MONTHLY, DAY_ONE, DAY_ONE,
                        DAY_ONE.plusMonths(12), null, null), "here", "here", List.of(), List.of(), List.of(), DAY_ONE,
                new SubscriptionAction(BehaviourCode.BECOME_SUBSCRIBER, null, null, null));
    }

    static InstalledItemSwapped swapped(String from, String to, LocalDate on) {
        return new InstalledItemSwapped(SUBSCRIPTION, new InstalledItem(from, "DECODER"),
                new InstalledItem(to, "DECODER"), on,
                new SubscriptionAction(BehaviourCode.SWAP_INSTALLED_ITEM, null, null, null));
    }

    /** The one-line bill of one unit of {@code product} at a flat {@code amount} in STANDARD, charged {@code on}. */
    static IssueEventChargeBill charge(String chargeId, String product, String amount, String description,
                                       LocalDate on) {
        Money money = Money.of(amount, "EUR");
        var rating = RatingEngine.rate(Rate.flat(money), 1);
        return new IssueEventChargeBill(chargeId, ACCOUNT, SUBSCRIPTION, product, description, money, on,
                "RESIDENTIAL", new LineExplanation("STANDARD", Rate.flat(money).model().name(),
                Rate.flat(money).basis().name(), 1, rating.explanation(), money, null, null, null, null, null,
                List.of()));
    }

    static final IssueEventChargeBill START_UP_FEE = charge("event-charge:" + SUBSCRIPTION + ":start-up-fee:once",
            "START-UP-FEE", "5.00", "START-UP-FEE (BECOME_SUBSCRIBER)", DAY_ONE);

    static IssueEventChargeBill penaltyBill() {
        return new IssueEventChargeBill(PENALTY_ID, ACCOUNT, SUBSCRIPTION, null, "Early termination penalty",
                Money.of("120.00", "EUR"), IN_MAY, "RESIDENTIAL", null);
    }

    @Test
    void becomingASubscriberChargesTheStartUpFeeOfThePricePlan() {
        fixture.givenNoPriorActivity()
                .whenAggregate(SUBSCRIPTION).publishes(created())
                .expectActiveSagas(1)
                .expectDispatchedCommands(START_UP_FEE);
    }

    @Test
    void aSecondCreationEventChargesNothingNew() {
        fixture.givenAggregate(SUBSCRIPTION).published(created())
                .whenAggregate(SUBSCRIPTION).publishes(created())
                .expectActiveSagas(1)
                .expectNoDispatchedCommands();
    }

    @Test
    void laterActionsWithoutARuleChargeNothing() {
        fixture.givenAggregate(SUBSCRIPTION).published(created())
                .whenAggregate(SUBSCRIPTION).publishes(swapped("SN-1", "SN-2", IN_MAY))
                .expectNoDispatchedCommands();
    }

    @Test
    void usageAndOneOffChargesWithoutARuleChargeNothing() {
        var recordUsage = new SubscriptionAction(BehaviourCode.RECORD_USAGE, null, null, null);
        var eur = org.subledger.kernel.money.Money.of("3.00", "EUR");
        fixture.givenAggregate(SUBSCRIPTION).published(created())
                .whenAggregate(SUBSCRIPTION).publishes(new org.subledger.kernel.usage.UsageRecorded(SUBSCRIPTION,
                        ACCOUNT, "R1", "BRAVEHEART", "MOVIES", "PPV-MOVIES", IN_MAY.atTime(21, 30), eur,
                        new org.subledger.kernel.rating.RatingLine("base", 1, eur, eur), IN_MAY, recordUsage))
                .expectActiveSagas(1)
                .expectNoDispatchedCommands();
        fixture.whenAggregate(SUBSCRIPTION).publishes(new org.subledger.kernel.usage.UsageBillingDue(SUBSCRIPTION,
                        ACCOUNT, org.subledger.kernel.usage.UsageBillingReason.PREPAID, eur, 1, recordUsage))
                .expectNoDispatchedCommands();
    }

    @Test
    void terminationEndsTheSaga() {
        fixture.givenAggregate(SUBSCRIPTION).published(created())
                .whenAggregate(SUBSCRIPTION).publishes(new SubscriptionTerminated(SUBSCRIPTION, ACCOUNT, IN_MAY, null,
                        new SubscriptionAction(BehaviourCode.TERMINATE, null, null, null)))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    @Test
    void terminationInsideTheBindingPeriodChargesThePenaltyOnce() {
        var penalty = org.subledger.kernel.money.Money.of("120.00", "EUR");
        fixture.givenAggregate(SUBSCRIPTION).published(created())
                .whenAggregate(SUBSCRIPTION).publishes(new SubscriptionTerminated(SUBSCRIPTION, ACCOUNT, IN_MAY,
                        penalty, new SubscriptionAction(BehaviourCode.TERMINATE, null, null, null)))
                .expectActiveSagas(0)
                .expectDispatchedCommands(penaltyBill());
    }

    /** Runs the saga by hand, as a redelivering processor would, recording what it sends. */
    static final class Harness {
        final List<Object> sent = new ArrayList<>();
        /** Posting ids the account refuses, as a closed account would. */
        final java.util.Set<String> refused = new java.util.HashSet<>();
        /** A technical failure of the account, when set. */
        RuntimeException broken;
        EventChargeSaga saga = new EventChargeSaga();

        Harness(EventChargeRuleBook rules) {
            inject(saga, rules);
        }

        void inject(EventChargeSaga target, EventChargeRuleBook rules) {
            var bus = SimpleCommandBus.builder().build();
            bus.subscribe(IssueEventChargeBill.class.getName(), (CommandMessage<?> command) -> {
                sent.add(command.getPayload());
                if (broken != null) {
                    throw broken;
                }
                if (refused.contains(((IssueEventChargeBill) command.getPayload()).chargeId())) {
                    throw new LedgerRefusal(ErrorCode.ACCOUNT_CLOSED, "Account " + ACCOUNT + " is closed");
                }
                return null;
            });
            bus.subscribe(RecordProcessStepRefusal.class.getName(), (CommandMessage<?> command) -> {
                sent.add(command.getPayload());
                return null;
            });
            set(target, "steps", new ProcessSteps(DefaultCommandGateway.builder().commandBus(bus).build()));
            set(target, "priceList", PRICES);
            set(target, "charging", rules);
        }

        private static void set(Object target, String field, Object value) {
            try {
                var declared = EventChargeSaga.class.getDeclaredField(field);
                declared.setAccessible(true);
                declared.set(target, value);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void aRedeliveredEventSendsTheSamePostingIdAndAOnceRuleChargesOnce() {
        var harness = new Harness(RULES);
        harness.saga.on(created(), 0);
        harness.saga.on(swapped("SN-1", "SN-2", DAY_ONE.plusDays(3)), 3);
        harness.saga.on(swapped("SN-1", "SN-2", DAY_ONE.plusDays(3)), 3); // redelivered
        harness.saga.on(swapped("SN-2", "SN-3", IN_MAY), 7);

        String install = "event-charge:" + SUBSCRIPTION + ":install:";
        assertThat(harness.sent).containsExactly(START_UP_FEE,
                charge(install + "3", "INSTALL", "20.00", "INSTALL (SWAP_INSTALLED_ITEM)", DAY_ONE.plusDays(3)),
                charge("event-charge:" + SUBSCRIPTION + ":SWAP_INSTALLED_ITEM:START-UP-FEE:once", "START-UP-FEE",
                        "5.00", "START-UP-FEE (SWAP_INSTALLED_ITEM)", DAY_ONE.plusDays(3)),
                charge(install + "3", "INSTALL", "20.00", "INSTALL (SWAP_INSTALLED_ITEM)", DAY_ONE.plusDays(3)),
                charge(install + "7", "INSTALL", "15.00", "INSTALL (SWAP_INSTALLED_ITEM)", IN_MAY));
    }

    @Test
    void aRedeliveredCreationAfterTheStateWasLostSendsTheSamePostingId() {
        var first = new Harness(RULES);
        first.saga.on(created(), 0);
        var afterACrash = new Harness(RULES);
        afterACrash.saga.on(created(), 0);

        assertThat(afterACrash.sent).containsExactlyElementsOf(first.sent).containsExactly(START_UP_FEE);
    }

    @Test
    void theSagaStateSurvivesTheStoredJsonRoundTrip() {
        var harness = new Harness(RULES);
        harness.saga.on(created(), 0);
        harness.saga.on(swapped("SN-1", "SN-2", DAY_ONE.plusDays(3)), 3);

        JacksonSerializer serializer = storageSerializer();
        SerializedObject<String> stored = serializer.serialize(harness.saga, String.class);
        EventChargeSaga restored = serializer.deserialize(stored);

        assertThat(stored.getData()).doesNotContain("steps", "priceList", "charging\"");
        assertThat(restored).usingRecursiveComparison()
                .ignoringFields("steps", "priceList", "charging").isEqualTo(harness.saga);
        harness.sent.clear();
        harness.inject(restored, RULES);
        restored.on(swapped("SN-2", "SN-3", IN_MAY), 7);
        assertThat(harness.sent).containsExactly(charge("event-charge:" + SUBSCRIPTION + ":install:7", "INSTALL",
                "15.00", "INSTALL (SWAP_INSTALLED_ITEM)", IN_MAY));
    }

    /** The platform's storage serializer ({@code StorageJson}): JSON with field visibility, unknown fields ignored. */
    static JacksonSerializer storageSerializer() {
        return JacksonSerializer.builder().objectMapper(JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .build()).build();
    }

    static final String PENALTY_ID = "early-termination:" + SUBSCRIPTION;

    static SubscriptionTerminated terminatedEarly() {
        return new SubscriptionTerminated(SUBSCRIPTION, ACCOUNT, IN_MAY, org.subledger.kernel.money.Money.of("120.00",
                "EUR"), new SubscriptionAction(BehaviourCode.TERMINATE, null, null, null));
    }

    static RecordProcessStepRefusal refusalOf(String step, String postingId) {
        return new RecordProcessStepRefusal("refusal:" + postingId, "event-charges", step, postingId, SUBSCRIPTION,
                ACCOUNT, "IssueEventChargeBill", ErrorCode.ACCOUNT_CLOSED, "Account " + ACCOUNT + " is closed");
    }

    @Test
    void aPenaltyTheClosedAccountRefusesIsRecordedAsNeedingAttentionAndTheSagaEnds() {
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof IssueEventChargeBill charge && charge.chargeId().equals(PENALTY_ID)) {
                throw new LedgerRefusal(ErrorCode.ACCOUNT_CLOSED, "Account " + ACCOUNT + " is closed");
            }
            return null;
        });
        fixture.givenAggregate(SUBSCRIPTION).published(created())
                .whenAggregate(SUBSCRIPTION).publishes(terminatedEarly())
                .expectActiveSagas(0)
                .expectDispatchedCommands(penaltyBill(), refusalOf("early-termination-penalty", PENALTY_ID));
    }

    @Test
    void aRefusalCarriedAsDetailsFromAnotherNodeIsRecordedWithItsCode() {
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof IssueEventChargeBill) {
                throw new org.axonframework.commandhandling.CommandExecutionException("refused", null,
                        new LedgerRefusal(ErrorCode.ACCOUNT_CLOSED, "Account " + ACCOUNT + " is closed").details());
            }
            return null;
        });
        fixture.givenNoPriorActivity()
                .whenAggregate(SUBSCRIPTION).publishes(created())
                .expectActiveSagas(1)
                .expectDispatchedCommands(START_UP_FEE, refusalOf("start-up-fee", START_UP_FEE.chargeId()));
    }

    @Test
    void aRefusedChargeIsRecordedOnceAndTheSagaGoesOnWithItsNextEvents() {
        var harness = new Harness(RULES);
        harness.refused.add(START_UP_FEE.chargeId());
        harness.saga.on(created(), 0);
        harness.saga.on(created(), 0); // redelivered: a once-rule refused counts as done
        harness.saga.on(swapped("SN-1", "SN-2", IN_MAY), 3);

        String install = "event-charge:" + SUBSCRIPTION + ":install:3";
        assertThat(harness.sent).containsExactly(START_UP_FEE, refusalOf("start-up-fee", START_UP_FEE.chargeId()),
                charge(install, "INSTALL", "15.00", "INSTALL (SWAP_INSTALLED_ITEM)", IN_MAY),
                charge("event-charge:" + SUBSCRIPTION + ":SWAP_INSTALLED_ITEM:START-UP-FEE:once", "START-UP-FEE",
                        "5.00", "START-UP-FEE (SWAP_INSTALLED_ITEM)", IN_MAY));
    }

    @Test
    void aTechnicalFailureIsNoRefusalTheEventFailsAndIsRetriedWithTheSamePostingId() {
        var harness = new Harness(RULES);
        harness.broken = new IllegalStateException("connection reset");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> harness.saga.on(created(), 0))
                .hasMessage("connection reset");
        harness.broken = null;
        harness.saga.on(created(), 0); // the retry

        assertThat(harness.sent).containsExactly(START_UP_FEE, START_UP_FEE);
    }

    @Test
    void aCatalogRuleIsAppliedUnderItsCodeInLowerCaseAsTheConfiguredRulesWereNamed() {
        assertThat(EventChargeRule.of(new EventChargeRuleDefinition("START-UP-FEE", "Start-up fee",
                BehaviourCode.BECOME_SUBSCRIBER, "START-UP-FEE", null, ChargeRecurrence.ONCE_PER_SUBSCRIPTION,
                DefinitionState.EFFECTIVE))).isEqualTo(EventChargeRule.startUpFee());
        assertThat(RULES.mayCharge(BehaviourCode.SWAP_INSTALLED_ITEM)).isTrue();
        assertThat(RULES.mayCharge(BehaviourCode.RECORD_USAGE)).isFalse();
        assertThat(new EventChargeRule(null, BehaviourCode.ACTIVATE, "X", " ", null))
                .isEqualTo(new EventChargeRule("ACTIVATE:X", BehaviourCode.ACTIVATE, "X", null,
                        ChargeRecurrence.EVERY_TIME));
    }
}
