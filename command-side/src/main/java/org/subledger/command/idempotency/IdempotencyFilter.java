package org.subledger.command.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Honours the {@code Idempotency-Key} header on every command request ({@code POST}, {@code PUT}, {@code PATCH},
 * {@code DELETE} under {@code /api}). The first request with a key runs and its response is stored; a repeat with
 * the same key and the same request gets that response again ({@code Idempotent-Replayed: true}) and records no
 * second event; the same key with another request is refused with {@code 409 IDEMPOTENCY_KEY_REUSED}. Keys are
 * scoped to the authenticated principal (see the README for why).
 * <p>As Stripe does, a key is consumed only by a request that ran to a decision: a success, or a refusal by the
 * ledger's rules (404, 409, 422). A request refused as input (400, 401, 403, 405, 406, 413, 415, ...), one that lost a
 * concurrent modification race, and one that failed on our side (5xx) leave the key free, so the corrected or
 * retried request with the same key runs. A repeat that arrives while the first is still running gets
 * {@code 409 IDEMPOTENT_REQUEST_IN_PROGRESS} with {@code Retry-After}; a request left in flight by a crashed
 * instance can be retried at once (see {@link RunningInstances}).
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 255;
    private static final int MAX_BODY_BYTES = 1 << 20;
    /** Seconds a repeat of a running request is told to wait: commands take milliseconds. */
    private static final String RETRY_AFTER_SECONDS = "1";

    private final IdempotencyStore store;
    private final HandlerExceptionResolver exceptionResolver;
    private final ObjectMapper json;

    IdempotencyFilter(IdempotencyStore store,
                      @Qualifier("handlerExceptionResolver") HandlerExceptionResolver exceptionResolver,
                      ObjectMapper json) {
        this.store = store;
        this.exceptionResolver = exceptionResolver;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        boolean command = "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method)
                || "DELETE".equals(method);
        return !command || !request.getRequestURI().startsWith("/api/") || request.getHeader(HEADER) == null;
    }

    /**
     * Customer logins: the answer holds an activation token, the request a password, and a stored response would
     * keep them in clear; a retried invitation simply issues a new token (which replaces the first).
     */
    private static boolean carriesSecrets(String uri) {
        return uri.endsWith("/customer-login") || uri.startsWith("/api/customer-login/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            refuse(request, response, new LedgerRefusal(ErrorCode.VALIDATION_FAILED,
                    "Idempotency-Key must have 1 to " + MAX_KEY_LENGTH + " characters",
                    Map.of(HEADER, "must have 1 to " + MAX_KEY_LENGTH + " characters")));
            return;
        }
        if (carriesSecrets(request.getRequestURI())) {
            chain.doFilter(request, response);
            return;
        }
        var cached = new CachedBodyRequest(request, MAX_BODY_BYTES);
        String principal = principal();
        var claim = store.claim(principal, key, hash(cached));
        if (claim instanceof IdempotencyStore.Completed completed) {
            replay(completed, response);
        } else if (claim instanceof IdempotencyStore.Mismatch) {
            refuse(request, response, new LedgerRefusal(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used for a different request"));
        } else if (claim instanceof IdempotencyStore.InProgress) {
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            refuse(request, response, new LedgerRefusal(ErrorCode.IDEMPOTENT_REQUEST_IN_PROGRESS,
                    "A request with this Idempotency-Key is still running"));
        } else {
            run(cached, response, chain, principal, key);
        }
    }

    private void run(CachedBodyRequest request, HttpServletResponse response, FilterChain chain, String principal,
                     String key) throws IOException, ServletException {
        var recording = new ContentCachingResponseWrapper(response);
        boolean stored = false;
        try {
            chain.doFilter(request, recording);
            if (consumesKey(recording)) {
                store.complete(principal, key, recording.getStatus(), recording.getContentType(),
                        recording.getHeader(HttpHeaders.LOCATION), recording.getContentAsByteArray());
                stored = true;
            }
        } finally {
            if (!stored) {
                store.release(principal, key);
            }
            recording.copyBodyToResponse();
        }
    }

    private boolean consumesKey(ContentCachingResponseWrapper recording) {
        int status = recording.getStatus();
        if (status == 409) {
            // a lost race is no decision on the request: a retry with the same key may succeed
            return !ErrorCode.CONCURRENT_MODIFICATION.name().equals(problemCode(recording));
        }
        return status < 400 || status == 404 || status == 410 || status == 422;
    }

    private String problemCode(ContentCachingResponseWrapper recording) {
        try {
            return json.readTree(recording.getContentAsByteArray()).path("code").asText(null);
        } catch (IOException notAProblem) {
            return null;
        }
    }

    private static void replay(IdempotencyStore.Completed completed, HttpServletResponse response) throws IOException {
        response.setStatus(completed.status());
        if (completed.contentType() != null) {
            response.setContentType(completed.contentType());
        }
        if (completed.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, completed.location());
        }
        response.setHeader(REPLAYED_HEADER, "true");
        if (completed.body() != null) {
            response.getOutputStream().write(completed.body());
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, LedgerRefusal refusal) {
        exceptionResolver.resolveException(request, response, null, refusal);
    }

    private static String principal() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "anonymous" : authentication.getName();
    }

    private static String hash(CachedBodyRequest request) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + request.getRequestURI() + "?"
                    + (request.getQueryString() == null ? "" : request.getQueryString()) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            digest.update(request.body());
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
