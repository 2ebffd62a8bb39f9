package org.subledger.kernel.job;

import java.util.List;

/** An activity of a job, of a catalog activity type, with the one-time services it delivered and their times. */
public record JobActivity(String activityId, String activityTypeCode, List<ActivityServiceTime> services) {

    public JobActivity {
        services = List.copyOf(services == null ? List.of() : services);
    }
}
