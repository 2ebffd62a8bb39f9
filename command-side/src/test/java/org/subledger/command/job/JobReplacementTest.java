package org.subledger.command.job;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.job.AddJobGood;
import org.subledger.kernel.job.CancelJob;
import org.subledger.kernel.job.JobCancelled;
import org.subledger.kernel.job.JobCompleted;
import org.subledger.kernel.job.JobCreated;
import org.subledger.kernel.job.JobGood;
import org.subledger.kernel.job.JobGoodAdded;
import org.subledger.kernel.job.JobGoodRemoved;
import org.subledger.kernel.job.JobReplacementDelivered;
import org.subledger.kernel.job.JobReplacementRefused;
import org.subledger.kernel.job.RecordJobReplacementRefusal;
import org.subledger.kernel.job.RemoveJobGood;
import org.subledger.kernel.subscription.InstalledItem;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.command.job.FakeJobLookup.ACCOUNT;
import static org.subledger.command.job.JobTest.EXPECTED;
import static org.subledger.command.job.JobTest.ID;
import static org.subledger.command.job.JobTest.SUBSCRIPTION;
import static org.subledger.command.job.JobTest.TODAY;
import static org.subledger.command.job.JobTest.refusal;
import static org.subledger.command.job.JobTest.started;

/** A repair delivers a decoder that replaces one installed on a subscription of the job's account. */
class JobReplacementTest {

    static final JobGood NEW_DECODER = new JobGood("g1", "DECODER", "SN-NEW", 1);
    static final JobReplacementDelivered REPLACEMENT = new JobReplacementDelivered(ID, "g1", SUBSCRIPTION, "SN-OLD",
            new InstalledItem("SN-NEW", "DECODER"));

    FixtureConfiguration<Job> fixture;
    FakeJobLookup lookup = new FakeJobLookup();
    JobTest.Serials serials = new JobTest.Serials();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Job.class);
        fixture.registerInjectableResource(lookup);
        fixture.registerInjectableResource(serials);
        fixture.registerInjectableResource(Clock.fixed(Instant.parse("2026-04-01T09:00:00Z"), ZoneOffset.UTC));
        lookup.subscriptions.put(SUBSCRIPTION, ACCOUNT);
        serials.heldBy.put("SN-OLD", SUBSCRIPTION);
    }

    static JobCreated repair() {
        return new JobCreated(ID, ACCOUNT, "REPAIR", "RESIDENTIAL", "STANDARD", TODAY, EXPECTED, "CUSTOMER-SERVICE",
                null);
    }

    @Test
    void aReplacementIsDeliveredForTheSubscriptionHoldingTheItemItReplacesAndClaimedForIt() {
        fixture.given(repair(), started())
                .when(new AddJobGood(ID, NEW_DECODER, " SN-OLD "))
                .expectEvents(new JobGoodAdded(ID, NEW_DECODER), REPLACEMENT);
        assertThat(serials.heldBy).containsEntry("SN-NEW", SUBSCRIPTION).containsEntry("SN-OLD", SUBSCRIPTION);
    }

    @Test
    void anItemNotInstalledOnASubscriptionOfTheJobsAccountIsNotReplaced() {
        fixture.given(repair())
                .when(new AddJobGood(ID, NEW_DECODER, "SN-NOWHERE"))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.JOB_RULE_VIOLATED, "replacesSerialNumber"));
        lookup.subscriptions.put(SUBSCRIPTION, "someone-else");
        fixture.given(repair())
                .when(new AddJobGood(ID, NEW_DECODER, "SN-OLD"))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.JOB_RULE_VIOLATED, "replacesSerialNumber"));
        assertThat(serials.heldBy).doesNotContainKey("SN-NEW");
    }

    @Test
    void onlyATraceableGoodOnAnOpenJobThatOrdersNothingReplacesAndEachItemOnce() {
        fixture.given(repair())
                .when(new AddJobGood(ID, new JobGood("g1", "ANTENNA", null, 1), "SN-OLD"))
                .expectException(refusal(ErrorCode.VALIDATION_FAILED, "replacesSerialNumber"));
        fixture.given(repair(), started(), new JobCompleted(ID, ACCOUNT, EXPECTED, EXPECTED, false, null))
                .when(new AddJobGood(ID, NEW_DECODER, "SN-OLD"))
                .expectException(refusal(ErrorCode.JOB_STATE_INVALID));
        fixture.given(repair(), new JobGoodAdded(ID, NEW_DECODER), REPLACEMENT)
                .when(new AddJobGood(ID, new JobGood("g2", "DECODER", "SN-NEWER", 1), "SN-OLD"))
                .expectException(refusal(ErrorCode.JOB_RULE_VIOLATED, "replacesSerialNumber"));
    }

    @Test
    void aReplacementTakenOffOrCancelledReleasesItsSerialFromTheSubscription() {
        serials.heldBy.put("SN-NEW", SUBSCRIPTION);
        fixture.given(repair(), new JobGoodAdded(ID, NEW_DECODER), REPLACEMENT)
                .when(new RemoveJobGood(ID, "SN-NEW", "wrong model"))
                .expectEvents(new JobGoodRemoved(ID, NEW_DECODER, "wrong model"));
        assertThat(serials.heldBy).doesNotContainKey("SN-NEW").containsEntry("SN-OLD", SUBSCRIPTION);

        serials.heldBy.put("SN-NEW", SUBSCRIPTION);
        fixture.given(repair(), new JobGoodAdded(ID, NEW_DECODER), REPLACEMENT)
                .when(new CancelJob(ID, "fixed without a new decoder"))
                .expectEvents(new JobCancelled(ID, TODAY, "fixed without a new decoder"));
        assertThat(serials.heldBy).doesNotContainKey("SN-NEW");
    }

    @Test
    void aReplacementSwappedOnCompletionIsNotTakenBack() {
        serials.heldBy.put("SN-NEW", SUBSCRIPTION);
        fixture.given(repair(), started(), new JobGoodAdded(ID, NEW_DECODER), REPLACEMENT,
                        new JobCompleted(ID, ACCOUNT, EXPECTED, EXPECTED, false, null))
                .when(new RemoveJobGood(ID, "g1", null))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.JOB_STATE_INVALID));
        assertThat(serials.heldBy).containsEntry("SN-NEW", SUBSCRIPTION);
    }

    @Test
    void aRefusedSwapIsRecordedOnTheJobOnceAndGivesTheReplacementsSerialBack() {
        serials.heldBy.put("SN-NEW", SUBSCRIPTION);
        var completed = new JobCompleted(ID, ACCOUNT, EXPECTED, EXPECTED, false, null);
        var refused = new JobReplacementRefused(ID, "g1", SUBSCRIPTION, "SN-OLD",
                new InstalledItem("SN-NEW", "DECODER"), "SUBSCRIPTION_RULE_VIOLATED", "SN-OLD is not installed");
        fixture.given(repair(), started(), new JobGoodAdded(ID, NEW_DECODER), REPLACEMENT, completed)
                .when(new RecordJobReplacementRefusal(ID, "g1", "SUBSCRIPTION_RULE_VIOLATED",
                        "SN-OLD is not installed"))
                .expectEvents(refused)
                .expectState(job -> assertThat(job.state().replacementRefusal("g1")).contains(refused));
        assertThat(serials.heldBy).doesNotContainKey("SN-NEW").containsEntry("SN-OLD", SUBSCRIPTION);

        // redelivered: recorded once
        fixture.given(repair(), started(), new JobGoodAdded(ID, NEW_DECODER), REPLACEMENT, completed, refused)
                .when(new RecordJobReplacementRefusal(ID, "g1", "SUBSCRIPTION_RULE_VIOLATED", "again"))
                .expectNoEvents();
    }

    @Test
    void aRefusalOfALineThatReplacedNothingIsRefusedAndReleasesNothing() {
        serials.heldBy.put("SN-NEW", SUBSCRIPTION);
        fixture.given(repair(), started(), new JobGoodAdded(ID, NEW_DECODER))
                .when(new RecordJobReplacementRefusal(ID, "g1", "SUBSCRIPTION_RULE_VIOLATED", "no"))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.JOB_RULE_VIOLATED, "lineId"));
        assertThat(serials.heldBy).containsEntry("SN-NEW", SUBSCRIPTION);
    }
}
