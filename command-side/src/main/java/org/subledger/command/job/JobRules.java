package org.subledger.command.job;

import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.job.JobStatus;

import java.util.Map;
import java.util.UUID;

/** The refusals of the job's rules, each with its stable code and the field it is about. */
final class JobRules {

    private JobRules() {
    }

    static LedgerRefusal invalid(String field, String problem) {
        return new LedgerRefusal(ErrorCode.VALIDATION_FAILED, "The job: " + field + " " + problem,
                Map.of(field, problem));
    }

    static LedgerRefusal violated(String field, String problem) {
        return new LedgerRefusal(ErrorCode.JOB_RULE_VIOLATED, field + " " + problem, Map.of(field, problem));
    }

    static LedgerRefusal state(String jobId, JobStatus status, String action) {
        return new LedgerRefusal(ErrorCode.JOB_STATE_INVALID, "Job " + jobId + " is " + status + ": it cannot "
                + action, Map.of("state", "is " + status));
    }

    static LedgerRefusal notOnJob(String field, String value) {
        return violated(field, value + " is not on the job");
    }

    static LedgerRefusal billed(String jobId, String billNumber) {
        return new LedgerRefusal(ErrorCode.JOB_ALREADY_BILLED, "Job " + jobId + " is billed (bill " + billNumber
                + "): its contents are closed; correct it with a credit", Map.of("state", "is billed"));
    }

    static void require(Object value, String field) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            throw invalid(field, "is required");
        }
    }

    static boolean isUuid(String value) {
        try {
            return value != null && UUID.fromString(value).toString().equalsIgnoreCase(value);
        } catch (IllegalArgumentException notAUuid) {
            return false;
        }
    }
}
