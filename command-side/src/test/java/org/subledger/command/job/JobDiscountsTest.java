package org.subledger.command.job;

import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.access.AccessScope;
import org.subledger.kernel.catalog.AdditiveDiscountDefinition;
import org.subledger.kernel.catalog.AppliedServiceType;
import org.subledger.kernel.catalog.DiscountClassification;
import org.subledger.kernel.catalog.DiscountValue;
import org.subledger.kernel.discount.DiscountStatus;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.job.AddJobDiscount;
import org.subledger.kernel.job.ApproveJobDiscount;
import org.subledger.kernel.job.JobCompleted;
import org.subledger.kernel.job.JobDiscountAdded;
import org.subledger.kernel.job.JobDiscountApproved;
import org.subledger.kernel.job.JobDiscountRejected;
import org.subledger.kernel.job.RejectJobDiscount;
import org.subledger.kernel.metadata.LedgerMetadata;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import static org.subledger.command.job.FakeJobLookup.ACCOUNT;
import static org.subledger.command.job.JobDiscountDefinitions.CARE_MANAGERS;
import static org.subledger.command.job.JobDiscountDefinitions.D4;
import static org.subledger.command.job.JobDiscountDefinitions.D5;
import static org.subledger.command.job.JobTest.EXPECTED;
import static org.subledger.command.job.JobTest.ID;
import static org.subledger.command.job.JobTest.TODAY;
import static org.subledger.command.job.JobTest.billed;
import static org.subledger.command.job.JobTest.created;
import static org.subledger.command.job.JobTest.refusal;
import static org.subledger.command.job.JobTest.started;

/** Ad hoc job discounts (D4): added pending approval, approved or rejected by its approvers only, refused outside its rules. */
class JobDiscountsTest {

    static final DiscountValue HALF = DiscountValue.percentage(new BigDecimal("50"), 1);

    FixtureConfiguration<Job> fixture;
    FakeJobLookup lookup = new FakeJobLookup();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Job.class);
        fixture.registerInjectableResource(lookup);
        fixture.registerInjectableResource(new JobTest.Serials());
        fixture.registerInjectableResource(Clock.fixed(Instant.parse("2026-04-01T09:00:00Z"), ZoneOffset.UTC));
        lookup.discounts.put(D4, JobDiscountDefinitions.d4());
        lookup.discounts.put(D5, JobDiscountDefinitions.d5());
    }

    static AddJobDiscount addD4() {
        return new AddJobDiscount(ID, "disc-1", D4, null, TODAY, "installed late");
    }

    static JobDiscountAdded d4Added() {
        return new JobDiscountAdded(ID, "disc-1", D4, HALF, TODAY, DiscountStatus.PENDING_APPROVAL, "installed late");
    }

    static MetaData user(String name, String unit) {
        return MetaData.with(LedgerMetadata.ACCESS_SCOPE, new AccessScope(name, unit, Set.of(unit), false, false,
                Set.of()));
    }

    /** A Customer Care Manager: its unit collaborates with Customer Service, whose job this is. */
    static MetaData careManager() {
        return MetaData.with(LedgerMetadata.ACCESS_SCOPE, new AccessScope("caremanager", CARE_MANAGERS,
                Set.of(CARE_MANAGERS, "CUSTOMER-SERVICE"), false, false, Set.of()));
    }

    @Test
    void anAgentAddsD4PendingApprovalWithTheDefinitionsValue() {
        fixture.given(created(), started())
                .when(addD4(), user("agent", "CUSTOMER-SERVICE"))
                .expectEvents(d4Added())
                .expectResultMessagePayload(DiscountStatus.PENDING_APPROVAL);
    }

    @Test
    void aRepeatedAddRecordsNothingAndAnswersTheStatus() {
        fixture.given(created(), started(), d4Added())
                .when(addD4(), user("agent", "CUSTOMER-SERVICE"))
                .expectNoEvents()
                .expectResultMessagePayload(DiscountStatus.PENDING_APPROVAL);
    }

    @Test
    void aCareManagerApprovesItAndAnotherAgentMayNot() {
        fixture.given(created(), started(), d4Added())
                .when(new ApproveJobDiscount(ID, "disc-1", TODAY), user("agent", "CUSTOMER-SERVICE"))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.DISCOUNT_APPROVAL_NOT_ALLOWED));
        fixture.given(created(), started(), d4Added())
                .when(new ApproveJobDiscount(ID, "disc-1", TODAY), careManager())
                .expectEvents(new JobDiscountApproved(ID, "disc-1", TODAY));
    }

    @Test
    void aCareManagerRejectsItAndADecidedDiscountIsNotDecidedAgain() {
        fixture.given(created(), started(), d4Added())
                .when(new RejectJobDiscount(ID, "disc-1", TODAY, "not late enough"), careManager())
                .expectEvents(new JobDiscountRejected(ID, "disc-1", TODAY, "not late enough"));
        fixture.given(created(), started(), d4Added(), new JobDiscountApproved(ID, "disc-1", TODAY))
                .when(new ApproveJobDiscount(ID, "disc-1", TODAY), careManager())
                .expectNoEvents()
                .expectException(refusal(ErrorCode.DISCOUNT_NOT_PENDING));
        fixture.given(created(), started())
                .when(new ApproveJobDiscount(ID, "no-such", TODAY), careManager())
                .expectException(refusal(ErrorCode.DISCOUNT_NOT_FOUND));
    }

    @Test
    void anAutoApplyDefinitionASubscriptionDiscountAndAnUnknownOneAreRefused() {
        fixture.given(created(), started())
                .when(new AddJobDiscount(ID, "disc-2", D5, null, TODAY, null))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.DISCOUNT_NOT_AD_HOC));
        AdditiveDiscountDefinition forSubscriptions = JobDiscountDefinitions.d4();
        lookup.discounts.put("SUBS", new AdditiveDiscountDefinition("SUBS", "subscriptions", forSubscriptions.type(),
                DiscountClassification.SUBSCRIPTIONS, AppliedServiceType.NON_USAGE, forSubscriptions.state(),
                forSubscriptions.discount(), forSubscriptions.discountedProducts(), null,
                forSubscriptions.duration(), null, null, null, null));
        fixture.given(created(), started())
                .when(new AddJobDiscount(ID, "disc-2", "SUBS", null, TODAY, null))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.DISCOUNT_NOT_FOR_JOBS));
        fixture.given(created(), started())
                .when(new AddJobDiscount(ID, "disc-2", "NONE", null, TODAY, null))
                .expectException(refusal(ErrorCode.DISCOUNT_DEFINITION_NOT_FOUND));
    }

    @Test
    void aValueOtherThanTheDefinitionsIsRefused() {
        fixture.given(created(), started())
                .when(new AddJobDiscount(ID, "disc-1", D4, DiscountValue.percentage(new BigDecimal("60"), 1), TODAY,
                        null))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.DISCOUNT_VALUE_OUT_OF_RANGE));
    }

    @Test
    void aCompletedOrBilledJobTakesNoMoreDiscounts() {
        var completed = new JobCompleted(ID, ACCOUNT, EXPECTED.plusDays(2), EXPECTED, true, null);
        fixture.given(created(), started(), completed)
                .when(addD4())
                .expectNoEvents()
                .expectException(refusal(ErrorCode.JOB_STATE_INVALID));
        fixture.given(created(), started(), completed, billed())
                .when(addD4())
                .expectNoEvents()
                .expectException(refusal(ErrorCode.JOB_ALREADY_BILLED));
        fixture.given(created(), started(), d4Added(), completed)
                .when(new ApproveJobDiscount(ID, "disc-1", TODAY), careManager())
                .expectNoEvents()
                .expectException(refusal(ErrorCode.JOB_STATE_INVALID));
    }
}
