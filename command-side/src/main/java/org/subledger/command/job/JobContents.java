package org.subledger.command.job;

import org.subledger.kernel.catalog.ActivityServiceTerms;
import org.subledger.kernel.catalog.ActivityTypeDefinition;
import org.subledger.kernel.catalog.JobTypeDefinition;
import org.subledger.kernel.catalog.PhysicalGoodType;
import org.subledger.kernel.catalog.ProductClassification;
import org.subledger.kernel.catalog.ProductTypeDefinition;
import org.subledger.kernel.catalog.ServiceType;
import org.subledger.kernel.job.ActivityServiceTime;
import org.subledger.kernel.job.JobActivity;
import org.subledger.kernel.job.JobExpense;
import org.subledger.kernel.job.JobGood;
import org.subledger.kernel.job.JobState;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What may be put on a job, as its job type and the activity types say: physical goods and expenses its type sells
 * (a traceable good by serial number, one at a time; others by quantity), and activities whose one-time services
 * their activity type allows, each for at least its minimum time, exactly its time when fixed, and every mandatory
 * service delivered. Settles a requested content into the content recorded.
 */
final class JobContents {

    private final JobState state;
    private final JobLookup lookup;

    JobContents(JobState state, JobLookup lookup) {
        this.state = state;
        this.lookup = lookup;
    }

    JobGood good(JobGood requested) {
        JobRules.require(requested, "good");
        requireNewLine(requested.lineId());
        ProductTypeDefinition type = soldByJobType(requested.productCode());
        if (type.classification() != ProductClassification.PHYSICAL_GOOD) {
            throw JobRules.violated("productCode", requested.productCode() + " is not a physical good");
        }
        if (type.physicalGoodType() == PhysicalGoodType.TRACEABLE) {
            String serial = requested.serialNumber() == null ? null : requested.serialNumber().strip();
            if (serial == null || serial.isEmpty()) {
                throw JobRules.invalid("serialNumber", "is required for a traceable good");
            }
            if (state.serialNumbers().contains(serial)) {
                throw JobRules.violated("serialNumber", serial + " is already on the job");
            }
            if (requested.quantity() > 1) {
                throw JobRules.invalid("quantity", "is 1 for a traceable good");
            }
            return new JobGood(requested.lineId(), requested.productCode(), serial, 1);
        }
        if (requested.serialNumber() != null) {
            throw JobRules.invalid("serialNumber", "is only for traceable goods");
        }
        if (requested.quantity() < 1) {
            throw JobRules.invalid("quantity", "must be at least 1");
        }
        return requested;
    }

    JobExpense expense(JobExpense requested) {
        JobRules.require(requested, "expense");
        requireNewLine(requested.lineId());
        if (soldByJobType(requested.productCode()).serviceType() != ServiceType.EXPENSE) {
            throw JobRules.violated("productCode", requested.productCode() + " is not an expense");
        }
        return requested;
    }

    JobActivity activity(JobActivity requested) {
        JobRules.require(requested, "activity");
        requireNewLine(requested.activityId());
        JobRules.require(requested.activityTypeCode(), "activityTypeCode");
        ActivityTypeDefinition type = lookup.activityType(requested.activityTypeCode()).orElseThrow(() ->
                JobRules.violated("activityTypeCode", requested.activityTypeCode() + " is not an activity type"));
        if (requested.services().isEmpty()) {
            throw JobRules.invalid("services", "must name at least one service");
        }
        List<ActivityServiceTime> settled = new ArrayList<>();
        Set<String> delivered = new HashSet<>();
        for (ActivityServiceTime service : requested.services()) {
            String code = service == null ? null : service.productCode();
            ActivityServiceTerms terms = type.termsOf(code).orElseThrow(() -> JobRules.violated("services",
                    code + " is not a service of activity type " + type.code()));
            if (!delivered.add(code)) {
                throw JobRules.violated("services", code + " is listed twice");
            }
            settled.add(new ActivityServiceTime(code, minutes(service, terms)));
        }
        for (ActivityServiceTerms terms : type.serviceTerms()) {
            if (terms.mandatory() && !delivered.contains(terms.productCode())) {
                throw JobRules.violated("services", terms.productCode() + " is mandatory for activity type "
                        + type.code());
            }
        }
        return new JobActivity(requested.activityId(), type.code(), settled);
    }

    /** The minutes billed: the fixed time, or the time taken but at least the minimum. */
    private static int minutes(ActivityServiceTime service, ActivityServiceTerms terms) {
        Integer given = service.minutes();
        if (given != null && given < 0) {
            throw JobRules.invalid("minutes", "must not be negative");
        }
        if (terms.fixedTime()) {
            if (given != null && given != terms.minimumMinutes()) {
                throw JobRules.violated("minutes", service.productCode() + " takes a fixed "
                        + terms.minimumMinutes() + " minutes");
            }
            return terms.minimumMinutes();
        }
        int minutes = Math.max(given == null ? 0 : given, terms.minimumMinutes());
        if (minutes == 0) {
            throw JobRules.invalid("minutes", "are required for " + service.productCode());
        }
        return minutes;
    }

    private ProductTypeDefinition soldByJobType(String productCode) {
        JobRules.require(productCode, "productCode");
        JobTypeDefinition jobType = lookup.jobType(state.jobTypeCode()).orElseThrow(() ->
                JobRules.violated("jobTypeCode", state.jobTypeCode() + " is no longer a job type"));
        if (!jobType.allowedProducts().contains(productCode)) {
            throw JobRules.violated("productCode", productCode + " is not sold through " + jobType.code()
                    + " jobs");
        }
        return lookup.typeOfProduct(productCode).orElseThrow(() ->
                JobRules.violated("productCode", productCode + " is not a product"));
    }

    private void requireNewLine(String lineId) {
        JobRules.require(lineId, "lineId");
        if (state.hasLine(lineId)) {
            throw JobRules.violated("lineId", lineId + " is already on the job");
        }
    }
}
