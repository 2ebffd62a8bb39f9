package org.subledger.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.subledger.kernel.error.ErrorCode;

import java.net.URI;
import java.util.Map;

/** Builds the ledger's {@code application/problem+json} bodies: a stable {@code code} and the offending fields. */
public final class Problems {

    private Problems() {
    }

    public static HttpStatus statusOf(ErrorCode code) {
        return HttpStatus.valueOf(code.kind().httpStatus());
    }

    public static ProblemDetail of(ErrorCode code, String detail, Map<String, String> fields) {
        return of(statusOf(code), code.name(), detail, fields);
    }

    public static ProblemDetail of(HttpStatus status, String code, String detail, Map<String, String> fields) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:subledger:problem:" + code.toLowerCase().replace('_', '-')));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", code);
        if (fields != null && !fields.isEmpty()) {
            problem.setProperty("fields", fields);
        }
        return problem;
    }
}
