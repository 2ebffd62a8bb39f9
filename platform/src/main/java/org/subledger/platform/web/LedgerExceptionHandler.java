package org.subledger.platform.web;

import jakarta.validation.ConstraintViolationException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.platform.db.DatabaseFailures;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.error.RefusalDetails;
import org.subledger.platform.security.AccessRefusals;
import org.subledger.platform.security.AccessScopes;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * Maps every failure of the HTTP API to {@code application/problem+json} with a stable {@code code}. Clients match on
 * the code; nobody parses messages. Unexpected failures are logged and answered with {@code INTERNAL_ERROR} without
 * internals.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class LedgerExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(LedgerExceptionHandler.class);
    /** An embedded PostgreSQL is started again within a few seconds; an external one is the operator's to bring. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private AccessRefusals accessRefusals;

    /** Where access refusals are recorded for the audit trail (absent in slices that have no database). */
    @Autowired(required = false)
    void setAccessRefusals(AccessRefusals accessRefusals) {
        this.accessRefusals = accessRefusals;
    }

    @ExceptionHandler(LedgerRefusal.class)
    public ResponseEntity<ProblemDetail> refusal(LedgerRefusal refusal) {
        if (refusal.refusedRecord() != null && accessRefusals != null) {
            var request = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet
                    ? servlet.getRequest() : null;
            accessRefusals.record(refusal.refusedRecord(), AccessScopes.current(), request);
        }
        return respond(Problems.of(refusal.code(), refusal.getMessage(), refusal.fields()));
    }

    @ExceptionHandler(CommandExecutionException.class)
    public ResponseEntity<ProblemDetail> commandFailed(CommandExecutionException exception) {
        var details = exception.getDetails().orElse(null);
        if (details instanceof RefusalDetails refusal) {
            return refusal(refusal.toRefusal());
        }
        if (exception.getCause() instanceof Exception cause) {
            return unwrapped(cause);
        }
        return unexpected(exception);
    }

    @ExceptionHandler({CompletionException.class, ExecutionException.class})
    public ResponseEntity<ProblemDetail> wrapped(Exception exception) {
        return exception.getCause() instanceof Exception cause ? unwrapped(cause) : unexpected(exception);
    }

    @ExceptionHandler(ConcurrencyException.class)
    public ResponseEntity<ProblemDetail> concurrency(ConcurrencyException exception) {
        return respond(Problems.of(ErrorCode.CONCURRENT_MODIFICATION,
                "The record was changed concurrently and the retries did not succeed; try again.", Map.of()));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    public ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException exception) {
        return respond(Problems.of(ErrorCode.NOT_FOUND, "No such record: " + exception.getAggregateIdentifier(),
                Map.of()));
    }

    /** A command addressed to the id of an aggregate of another kind (an account id used as a subscription id). */
    @ExceptionHandler(IncompatibleAggregateException.class)
    public ResponseEntity<ProblemDetail> wrongKind(IncompatibleAggregateException exception) {
        return respond(Problems.of(ErrorCode.NOT_FOUND, "That id belongs to a record of another kind.", Map.of()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    public ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException exception) {
        return respond(Problems.of(ErrorCode.ACCESS_DENIED, "Your role may not do this.", Map.of()));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    public ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException exception) {
        Map<String, String> fields = exception.getConstraintViolations().stream().collect(Collectors.toMap(
                violation -> leaf(violation.getPropertyPath().toString()),
                violation -> violation.getMessage(), (a, b) -> a, LinkedHashMap::new));
        return respond(Problems.of(ErrorCode.VALIDATION_FAILED, "The request is not valid.", fields));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException exception) {
        return respond(Problems.of(ErrorCode.VALIDATION_FAILED, "The request is not valid.",
                Map.of(exception.getName(), "is not a valid value")));
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> unexpected(Exception exception) {
        if (DatabaseFailures.isUnavailable(exception)) {
            return databaseUnavailable(exception);
        }
        log.error("Unexpected failure while serving a request", exception);
        return respond(Problems.of(ErrorCode.INTERNAL_ERROR, "The ledger failed to process the request.", Map.of()));
    }

    /** Connection failures arrive wrapped by Axon, Spring or Hikari in many ways; {@link #unexpected} finds them. */
    public ResponseEntity<ProblemDetail> databaseUnavailable(Exception exception) {
        log.warn("Database unavailable while serving a request: {}", exception.toString());
        return databaseUnavailable();
    }

    public static ResponseEntity<ProblemDetail> databaseUnavailable() {
        return ResponseEntity.status(Problems.statusOf(ErrorCode.DATABASE_UNAVAILABLE))
                .header(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()))
                .body(Problems.of(ErrorCode.DATABASE_UNAVAILABLE,
                        "The ledger cannot reach its database at the moment. Try again shortly; an Idempotency-Key"
                                + " makes the repeat safe.",
                        Map.of()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (FieldError error : exception.getBindingResult().getFieldErrors()) {
            fields.putIfAbsent(error.getField(), error.getDefaultMessage());
        }
        exception.getBindingResult().getGlobalErrors()
                .forEach(error -> fields.putIfAbsent(error.getObjectName(), error.getDefaultMessage()));
        return asObject(Problems.of(ErrorCode.VALIDATION_FAILED, "The request is not valid.", fields));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        return asObject(BodyProblems.of(exception));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception exception, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        // Spring MVC's own failures (unsupported media type, missing parameter, ...): keep the status, add a code
        var problem = body instanceof ProblemDetail detail ? detail : ProblemDetail.forStatus(statusCode);
        if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
            ErrorCode code = statusCode.value() == 400 ? ErrorCode.VALIDATION_FAILED : Problems.codeOf(statusCode);
            problem.setProperty("code", code.name());
            problem.setType(URI.create("urn:subledger:problem:" + code.name().toLowerCase().replace('_', '-')));
        }
        // the ledger answers problem+json whatever the client accepts: a 406 must not turn into an empty 500
        return ResponseEntity.status(statusCode).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private ResponseEntity<ProblemDetail> unwrapped(Exception cause) {
        if (cause instanceof LedgerRefusal refusal) {
            return refusal(refusal);
        }
        if (cause instanceof CommandExecutionException execution) {
            return commandFailed(execution);
        }
        if (cause instanceof ConcurrencyException concurrency) {
            return concurrency(concurrency);
        }
        if (cause instanceof AggregateNotFoundException notFound) {
            return notFound(notFound);
        }
        if (cause instanceof IncompatibleAggregateException incompatible) {
            return wrongKind(incompatible);
        }
        if (cause instanceof CompletionException || cause instanceof ExecutionException) {
            return wrapped(cause);
        }
        return unexpected(cause);
    }

    private static String leaf(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static ResponseEntity<Object> asObject(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
