package org.subledger.command.job;

import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.subledger.command.serial.SerialNumbers;
import org.subledger.kernel.access.AccessScope;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.job.ActivityServiceTime;
import org.subledger.kernel.job.AddJobActivity;
import org.subledger.kernel.job.AddJobExpense;
import org.subledger.kernel.job.AddJobGood;
import org.subledger.kernel.job.AssignJob;
import org.subledger.kernel.job.CancelJob;
import org.subledger.kernel.job.CompleteJob;
import org.subledger.kernel.job.JobBillingDeferred;
import org.subledger.kernel.job.CreateJob;
import org.subledger.kernel.job.JobActivity;
import org.subledger.kernel.job.JobActivityAdded;
import org.subledger.kernel.job.JobAssigned;
import org.subledger.kernel.job.JobBilled;
import org.subledger.kernel.job.JobCancelled;
import org.subledger.kernel.job.JobCompleted;
import org.subledger.kernel.job.JobCreated;
import org.subledger.kernel.job.JobExpense;
import org.subledger.kernel.job.JobExpenseAdded;
import org.subledger.kernel.job.JobGood;
import org.subledger.kernel.job.JobGoodAdded;
import org.subledger.kernel.job.JobStarted;
import org.subledger.kernel.job.JobSubscriptionRefused;
import org.subledger.kernel.job.RecordJobSubscriptionRefusal;
import org.subledger.kernel.job.StartJob;
import org.subledger.kernel.job.SubscriptionRequest;
import org.subledger.kernel.metadata.LedgerMetadata;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.subscription.BillingTerms;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.command.job.FakeJobLookup.ACCOUNT;
import static org.subledger.command.job.FakeJobLookup.OVER_LIMIT;

class JobTest {

    static final String ID = "5f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b";
    static final String SUBSCRIPTION = "7a1b2c3d-4e5f-4a6b-9c8d-7e6f5a4b3c2d";
    static final LocalDate TODAY = LocalDate.of(2026, 4, 1);
    static final LocalDate EXPECTED = LocalDate.of(2026, 4, 10);

    FixtureConfiguration<Job> fixture;
    FakeJobLookup lookup = new FakeJobLookup();
    Serials serials = new Serials();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Job.class);
        fixture.registerInjectableResource(lookup);
        fixture.registerInjectableResource(serials);
        fixture.registerInjectableResource(Clock.fixed(Instant.parse("2026-04-01T09:00:00Z"), ZoneOffset.UTC));
    }

    static JobCreated created() {
        return new JobCreated(ID, ACCOUNT, "INSTALLATION", "RESIDENTIAL", "STANDARD", TODAY, EXPECTED,
                "CUSTOMER-SERVICE", null);
    }

    static CreateJob create(String account) {
        return new CreateJob(ID, account, "INSTALLATION", "RESIDENTIAL", null, EXPECTED, null, null);
    }

    static MetaData scope(String... units) {
        return MetaData.with(LedgerMetadata.ACCESS_SCOPE, new AccessScope("someone", units[0], Set.of(units), false,
                false, Set.of()));
    }

    static JobStarted started() {
        return new JobStarted(ID, TODAY, null);
    }

    static JobBilled billed() {
        return new JobBilled(ID, ACCOUNT, "bill-1", "2026-000001", Money.of("140.00", "EUR"));
    }

    @Test
    void aJobIsCreatedPendingWithTheSchemesDefaultPlanForTheUsersUnit() {
        fixture.givenNoPriorActivity()
                .when(create(ACCOUNT), scope("CUSTOMER-SERVICE"))
                .expectEvents(created());
    }

    @Test
    void aJobOrderOverTheCreditLimitIsRefusedAndRecordsNothing() {
        fixture.givenNoPriorActivity()
                .when(create(OVER_LIMIT))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.CREDIT_LIMIT_EXCEEDED));
    }

    @Test
    void anAccountOutOfTheUsersScopeIsAnsweredAsUnknown() {
        fixture.givenNoPriorActivity()
                .when(create(ACCOUNT), scope("INSTALLER-FASTFIT"))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.ACCOUNT_NOT_FOUND));
    }

    @Test
    void aPricePlanTheSchemeDoesNotAllowIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateJob(ID, ACCOUNT, "INSTALLATION", "RESIDENTIAL", "VIP", EXPECTED, null, null))
                .expectException(refusal(ErrorCode.JOB_RULE_VIOLATED));
        fixture.givenNoPriorActivity()
                .when(new CreateJob(ID, ACCOUNT, "NO-SUCH-TYPE", "RESIDENTIAL", null, EXPECTED, null, null))
                .expectException(refusal(ErrorCode.JOB_RULE_VIOLATED));
    }

    @Test
    void theLifeCycleGoesPendingInProgressCompletedAndCompletionAfterTheExpectedDateIsLate() {
        fixture.given(created())
                .when(new StartJob(ID, "technician on site"))
                .expectEvents(new JobStarted(ID, TODAY, "technician on site"));
        fixture.given(created(), started())
                .when(new CompleteJob(ID, EXPECTED.plusDays(2), "done"))
                .expectEvents(new JobCompleted(ID, ACCOUNT, EXPECTED.plusDays(2), EXPECTED, true, "done"));
        fixture.given(created(), started())
                .when(new CompleteJob(ID, EXPECTED, null))
                .expectEvents(new JobCompleted(ID, ACCOUNT, EXPECTED, EXPECTED, false, null));
    }

    @Test
    void aJobOfATypeBilledByTheBillRunIsLeftForTheNextRunWhenCompleted() {
        var maintenance = new JobCreated(ID, ACCOUNT, "MAINTENANCE", "RESIDENTIAL", "STANDARD", TODAY, EXPECTED,
                "CUSTOMER-SERVICE", null);
        fixture.given(maintenance, started())
                .when(new CompleteJob(ID, EXPECTED, null))
                .expectEvents(new JobCompleted(ID, ACCOUNT, EXPECTED, EXPECTED, false, null),
                        new JobBillingDeferred(ID, ACCOUNT, EXPECTED))
                .expectState(job -> assertThat(job.state().awaitingBillRun()).isTrue());
    }

    @Test
    void aPendingJobCannotBeCompletedNorACompletedOneCancelled() {
        fixture.given(created())
                .when(new CompleteJob(ID, EXPECTED, null))
                .expectException(refusal(ErrorCode.JOB_STATE_INVALID));
        fixture.given(created(), started(), new JobCompleted(ID, ACCOUNT, EXPECTED, EXPECTED, false, null))
                .when(new CancelJob(ID, "customer changed mind"))
                .expectException(refusal(ErrorCode.JOB_STATE_INVALID));
    }

    @Test
    void cancellingReleasesTheSerialNumbersTheJobClaimed() {
        serials.heldBy.put("SN-1", "job:" + ID);
        fixture.given(created(), new JobGoodAdded(ID, new JobGood("g1", "DECODER", "SN-1", 1)))
                .when(new CancelJob(ID, "customer changed mind"))
                .expectEvents(new JobCancelled(ID, TODAY, "customer changed mind"));
        assertThat(serials.heldBy).doesNotContainKey("SN-1");
    }

    @Test
    void anAssignedInstallerCompanyWorksOnTheJobAndOtherUnitsDoNotSeeIt() {
        fixture.given(created())
                .when(new AssignJob(ID, "INSTALLER-FASTFIT", "nearest installer"), scope("CUSTOMER-SERVICE"))
                .expectEvents(new JobAssigned(ID, "INSTALLER-FASTFIT", "nearest installer"));
        fixture.given(created(), new JobAssigned(ID, "INSTALLER-FASTFIT", null))
                .when(new StartJob(ID, null), scope("INSTALLER-FASTFIT"))
                .expectEvents(started());
        fixture.given(created(), new JobAssigned(ID, "INSTALLER-FASTFIT", null))
                .when(new StartJob(ID, null), scope("INSTALLER-SKYMOUNT"))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.JOB_NOT_FOUND));
    }

    @Test
    void aTraceableGoodIsDeliveredByItsSerialNumberClaimedForTheJob() {
        fixture.given(created(), started())
                .when(new AddJobGood(ID, new JobGood("g1", "DECODER", " SN-1 ", 0)))
                .expectEvents(new JobGoodAdded(ID, new JobGood("g1", "DECODER", "SN-1", 1)));
        assertThat(serials.heldBy).containsEntry("SN-1", "job:" + ID);
    }

    @Test
    void anOrderJobClaimsItsSerialNumbersForTheSubscriptionItOrders() {
        var request = new SubscriptionRequest(SUBSCRIPTION, "GOLD", new BillingTerms("RESIDENTIAL", null, null,
                null, null, null, null, null), List.of(), List.of());
        var order = new JobCreated(ID, ACCOUNT, "INSTALLATION", "RESIDENTIAL", "STANDARD", TODAY, EXPECTED,
                "CUSTOMER-SERVICE", request);
        fixture.given(order)
                .when(new AddJobGood(ID, new JobGood("g1", "DECODER", "SN-2", 1)))
                .expectEvents(new JobGoodAdded(ID, new JobGood("g1", "DECODER", "SN-2", 1)));
        assertThat(serials.heldBy).containsEntry("SN-2", SUBSCRIPTION);
    }

    @Test
    void aSerialNumberHeldElsewhereIsRefused() {
        serials.heldBy.put("SN-3", "other-subscription");
        fixture.given(created())
                .when(new AddJobGood(ID, new JobGood("g1", "DECODER", "SN-3", 1)))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.SERIAL_NUMBER_IN_USE));
    }

    @Test
    void goodsAndExpensesAreOnlyWhatTheJobTypeSells() {
        fixture.given(created())
                .when(new AddJobGood(ID, new JobGood("g1", "ROUTER", "SN-4", 1)))
                .expectException(refusal(ErrorCode.JOB_RULE_VIOLATED));
        fixture.given(created())
                .when(new AddJobGood(ID, new JobGood("g1", "ANTENNA", null, 2)))
                .expectEvents(new JobGoodAdded(ID, new JobGood("g1", "ANTENNA", null, 2)));
        fixture.given(created())
                .when(new AddJobExpense(ID, new JobExpense("e1", "INSTALLATION-FEE")))
                .expectEvents(new JobExpenseAdded(ID, new JobExpense("e1", "INSTALLATION-FEE")));
        fixture.given(created())
                .when(new AddJobExpense(ID, new JobExpense("e1", "DECODER")))
                .expectException(refusal(ErrorCode.JOB_RULE_VIOLATED));
    }

    @Test
    void anActivityBillsAtLeastTheMinimumTimeAFixedTimeExactlyAndNeedsItsMandatoryServices() {
        fixture.given(created())
                .when(new AddJobActivity(ID, new JobActivity("a1", "INSTALL", List.of(
                        new ActivityServiceTime("INSTALLATION", 45), new ActivityServiceTime("CABLING", null)))))
                .expectEvents(new JobActivityAdded(ID, new JobActivity("a1", "INSTALL", List.of(
                        new ActivityServiceTime("INSTALLATION", 60), new ActivityServiceTime("CABLING", 30)))));
        fixture.given(created())
                .when(new AddJobActivity(ID, new JobActivity("a1", "INSTALL", List.of(
                        new ActivityServiceTime("INSTALLATION", 180)))))
                .expectEvents(new JobActivityAdded(ID, new JobActivity("a1", "INSTALL", List.of(
                        new ActivityServiceTime("INSTALLATION", 180)))));
        fixture.given(created())
                .when(new AddJobActivity(ID, new JobActivity("a1", "INSTALL", List.of(
                        new ActivityServiceTime("CABLING", 30)))))
                .expectException(refusal(ErrorCode.JOB_RULE_VIOLATED, "services"));
        fixture.given(created())
                .when(new AddJobActivity(ID, new JobActivity("a1", "INSTALL", List.of(
                        new ActivityServiceTime("INSTALLATION", 60), new ActivityServiceTime("CABLING", 50)))))
                .expectException(refusal(ErrorCode.JOB_RULE_VIOLATED, "minutes"));
        fixture.given(created())
                .when(new AddJobActivity(ID, new JobActivity("a1", "INSTALL", List.of(
                        new ActivityServiceTime("DECODER", 60)))))
                .expectException(refusal(ErrorCode.JOB_RULE_VIOLATED, "services"));
    }

    @Test
    void aJobIsAmendedUntilItIsBilledAndThenRefusesChanges() {
        var completed = new JobCompleted(ID, ACCOUNT, EXPECTED, EXPECTED, false, null);
        fixture.given(created(), started(), completed)
                .when(new AddJobExpense(ID, new JobExpense("e1", "INSTALLATION-FEE")))
                .expectEvents(new JobExpenseAdded(ID, new JobExpense("e1", "INSTALLATION-FEE")));
        fixture.given(created(), started(), completed, billed())
                .when(new AddJobExpense(ID, new JobExpense("e1", "INSTALLATION-FEE")))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.JOB_ALREADY_BILLED));
        fixture.given(created(), started(), completed, billed())
                .when(new AddJobGood(ID, new JobGood("g9", "ANTENNA", null, 1)))
                .expectException(refusal(ErrorCode.JOB_ALREADY_BILLED));
    }

    @Test
    void contentsOverTheCreditLimitAreRefused() {
        lookup.accounts.put(ACCOUNT, lookup.accounts.get(OVER_LIMIT));
        fixture.given(created())
                .when(new AddJobExpense(ID, new JobExpense("e1", "INSTALLATION-FEE")))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.CREDIT_LIMIT_EXCEEDED));
    }

    @Test
    void aRefusedSubscriptionIsRecordedOnceOnTheJob() {
        var refused = new JobSubscriptionRefused(ID, SUBSCRIPTION, "CREDIT_LIMIT_EXCEEDED", "over the limit");
        fixture.given(created())
                .when(new RecordJobSubscriptionRefusal(ID, SUBSCRIPTION, "CREDIT_LIMIT_EXCEEDED", "over the limit"))
                .expectEvents(refused);
        fixture.given(created(), refused)
                .when(new RecordJobSubscriptionRefusal(ID, SUBSCRIPTION, "CREDIT_LIMIT_EXCEEDED", "over the limit"))
                .expectNoEvents();
    }

    static Matcher<?> refusal(ErrorCode code) {
        return Matchers.predicate(exception -> exception instanceof LedgerRefusal refusal && refusal.code() == code);
    }

    static Matcher<?> refusal(ErrorCode code, String field) {
        return Matchers.predicate(exception -> exception instanceof LedgerRefusal refusal && refusal.code() == code
                && refusal.fields().containsKey(field));
    }

    /** Serial numbers by holder, in memory: the stand-in for the serial-number aggregates. */
    static class Serials implements SerialNumbers {
        final Map<String, String> heldBy = new HashMap<>();

        @Override
        public void claim(String serialNumber, String productCode, String holder) {
            String current = heldBy.putIfAbsent(serialNumber, holder);
            if (current != null && !current.equals(holder)) {
                throw new LedgerRefusal(ErrorCode.SERIAL_NUMBER_IN_USE, serialNumber + " is on " + current);
            }
        }

        @Override
        public Optional<String> holderOf(String serialNumber) {
            return Optional.ofNullable(heldBy.get(serialNumber));
        }

        @Override
        public void release(String serialNumber, String holder) {
            heldBy.remove(serialNumber, holder);
        }
    }
}
