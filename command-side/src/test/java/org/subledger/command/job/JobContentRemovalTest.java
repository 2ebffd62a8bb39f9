package org.subledger.command.job;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.job.ActivityServiceTime;
import org.subledger.kernel.job.AddJobGood;
import org.subledger.kernel.job.JobActivity;
import org.subledger.kernel.job.JobActivityAdded;
import org.subledger.kernel.job.JobActivityRemoved;
import org.subledger.kernel.job.JobCompleted;
import org.subledger.kernel.job.JobExpense;
import org.subledger.kernel.job.JobExpenseAdded;
import org.subledger.kernel.job.JobExpenseRemoved;
import org.subledger.kernel.job.JobGood;
import org.subledger.kernel.job.JobGoodAdded;
import org.subledger.kernel.job.JobGoodRemoved;
import org.subledger.kernel.job.RemoveJobActivity;
import org.subledger.kernel.job.RemoveJobExpense;
import org.subledger.kernel.job.RemoveJobGood;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.command.job.FakeJobLookup.ACCOUNT;
import static org.subledger.command.job.JobTest.EXPECTED;
import static org.subledger.command.job.JobTest.ID;
import static org.subledger.command.job.JobTest.billed;
import static org.subledger.command.job.JobTest.created;
import static org.subledger.command.job.JobTest.refusal;
import static org.subledger.command.job.JobTest.started;

/** Goods, expenses and activities come off a job until it is billed; a removed serial number is free again. */
class JobContentRemovalTest {

    static final JobGood DECODER = new JobGood("g1", "DECODER", "SN-1", 1);
    static final JobExpense FEE = new JobExpense("e1", "INSTALLATION-FEE");
    static final JobActivity INSTALL = new JobActivity("a1", "INSTALL",
            List.of(new ActivityServiceTime("INSTALLATION", 60)));

    FixtureConfiguration<Job> fixture;
    JobTest.Serials serials = new JobTest.Serials();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Job.class);
        fixture.registerInjectableResource(new FakeJobLookup());
        fixture.registerInjectableResource(serials);
        fixture.registerInjectableResource(Clock.fixed(Instant.parse("2026-04-01T09:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void aGoodRemovedBySerialNumberReleasesItSoItIsNeverInTwoPlaces() {
        serials.heldBy.put("SN-1", "job:" + ID);
        fixture.given(created(), started(), new JobGoodAdded(ID, DECODER))
                .when(new RemoveJobGood(ID, "SN-1", "wrong decoder"))
                .expectEvents(new JobGoodRemoved(ID, DECODER, "wrong decoder"));
        assertThat(serials.heldBy).doesNotContainKey("SN-1");
    }

    @Test
    void aGoodIsRemovedByItsLineIdAndItsSerialMayThenBeDeliveredAgain() {
        fixture.given(created(), new JobGoodAdded(ID, DECODER))
                .when(new RemoveJobGood(ID, "g1", null))
                .expectEvents(new JobGoodRemoved(ID, DECODER, null));
        fixture.given(created(), new JobGoodAdded(ID, DECODER), new JobGoodRemoved(ID, DECODER, null))
                .when(new AddJobGood(ID, new JobGood("g2", "DECODER", "SN-1", 1)))
                .expectEvents(new JobGoodAdded(ID, new JobGood("g2", "DECODER", "SN-1", 1)));
    }

    @Test
    void expensesAndActivitiesAreRemovedByTheirIds() {
        fixture.given(created(), new JobExpenseAdded(ID, FEE))
                .when(new RemoveJobExpense(ID, "e1", "no fee for this customer"))
                .expectEvents(new JobExpenseRemoved(ID, "e1", "no fee for this customer"));
        fixture.given(created(), new JobActivityAdded(ID, INSTALL))
                .when(new RemoveJobActivity(ID, "a1", null))
                .expectEvents(new JobActivityRemoved(ID, "a1", null));
    }

    @Test
    void somethingNotOnTheJobIsRefusedAndRecordsNothing() {
        fixture.given(created(), new JobExpenseAdded(ID, FEE))
                .when(new RemoveJobGood(ID, "SN-404", null))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.JOB_RULE_VIOLATED, "lineIdOrSerial"));
        fixture.given(created(), new JobExpenseAdded(ID, FEE), new JobExpenseRemoved(ID, "e1", null))
                .when(new RemoveJobExpense(ID, "e1", null))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.JOB_RULE_VIOLATED, "lineId"));
        fixture.given(created())
                .when(new RemoveJobActivity(ID, "a1", null))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.JOB_RULE_VIOLATED, "activityId"));
    }

    @Test
    void onceBilledNothingComesOffTheJob() {
        serials.heldBy.put("SN-1", "job:" + ID);
        var completed = new JobCompleted(ID, ACCOUNT, EXPECTED, EXPECTED, false, null);
        fixture.given(created(), started(), new JobGoodAdded(ID, DECODER), new JobExpenseAdded(ID, FEE),
                        new JobActivityAdded(ID, INSTALL), completed, billed())
                .when(new RemoveJobGood(ID, "SN-1", null))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.JOB_ALREADY_BILLED));
        fixture.given(created(), new JobExpenseAdded(ID, FEE), completed, billed())
                .when(new RemoveJobExpense(ID, "e1", null))
                .expectException(refusal(ErrorCode.JOB_ALREADY_BILLED));
        fixture.given(created(), new JobActivityAdded(ID, INSTALL), completed, billed())
                .when(new RemoveJobActivity(ID, "a1", null))
                .expectException(refusal(ErrorCode.JOB_ALREADY_BILLED));
        assertThat(serials.heldBy).containsEntry("SN-1", "job:" + ID);
    }
}
