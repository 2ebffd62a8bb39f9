package org.subledger.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request a correlation id (the caller's {@code X-Correlation-Id}, else a new one, echoed in the
 * response) and remembers its {@code Idempotency-Key}, so the commands it sends carry both into the event store.
 */
public class RequestMetadataFilter extends OncePerRequestFilter {

    public static final String CORRELATION_ID_HEADER = "X-Correlation-Id";
    public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
    public static final String CORRELATION_ID_ATTRIBUTE = RequestMetadataFilter.class.getName() + ".correlationId";
    public static final String IDEMPOTENCY_KEY_ATTRIBUTE = RequestMetadataFilter.class.getName() + ".idempotencyKey";

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:\\-]{1,100}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String correlationId = request.getHeader(CORRELATION_ID_HEADER);
        if (correlationId == null || !SAFE_ID.matcher(correlationId).matches()) {
            correlationId = UUID.randomUUID().toString();
        }
        request.setAttribute(CORRELATION_ID_ATTRIBUTE, correlationId);
        response.setHeader(CORRELATION_ID_HEADER, correlationId);
        String idempotencyKey = request.getHeader(IDEMPOTENCY_KEY_HEADER);
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            request.setAttribute(IDEMPOTENCY_KEY_ATTRIBUTE, idempotencyKey);
        }
        chain.doFilter(request, response);
    }
}
