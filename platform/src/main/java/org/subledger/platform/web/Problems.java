package org.subledger.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
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

    /** The code of a failure known only by its HTTP status (raised by Tomcat or Spring, not by the ledger). */
    public static ErrorCode codeOf(HttpStatusCode status) {
        return switch (status.value()) {
            case 401, 403 -> ErrorCode.ACCESS_DENIED;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 413, 414, 431 -> ErrorCode.REQUEST_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 409 -> ErrorCode.CONCURRENT_MODIFICATION;
            default -> status.is4xxClientError() ? ErrorCode.MALFORMED_REQUEST : ErrorCode.INTERNAL_ERROR;
        };
    }

    public static ProblemDetail of(ErrorCode code, String detail, Map<String, String> fields) {
        return of(statusOf(code), code.name(), detail, fields);
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String detail, Map<String, String> fields) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:subledger:problem:" + code.toLowerCase().replace('_', '-')));
        HttpStatus known = HttpStatus.resolve(status.value());
        problem.setTitle(known != null ? known.getReasonPhrase() : String.valueOf(status.value()));
        problem.setProperty("code", code);
        if (fields != null && !fields.isEmpty()) {
            problem.setProperty("fields", fields);
        }
        return problem;
    }
}
