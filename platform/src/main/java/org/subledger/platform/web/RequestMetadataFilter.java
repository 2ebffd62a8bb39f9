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
 * Gives every request a correlation id of the ledger's own (echoed in {@code X-Correlation-Id}) and remembers its
 * {@code Idempotency-Key}, so the commands it sends carry both into the event store. The correlation id is the
 * server's: the audit trail groups events by it, so a client cannot choose it (nor join another conversation, nor
 * store 5,000 characters in every event). A client's {@code X-Correlation-Id} of at most 128 printable ASCII
 * characters is kept as its {@code clientReference}, echoed in {@code X-Client-Reference}; any other value is
 * dropped.
 */
public class RequestMetadataFilter extends OncePerRequestFilter {

    public static final String CORRELATION_ID_HEADER = "X-Correlation-Id";
    public static final String CLIENT_REFERENCE_HEADER = "X-Client-Reference";
    public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
    public static final String CORRELATION_ID_ATTRIBUTE = RequestMetadataFilter.class.getName() + ".correlationId";
    public static final String CLIENT_REFERENCE_ATTRIBUTE = RequestMetadataFilter.class.getName() + ".clientReference";
    public static final String IDEMPOTENCY_KEY_ATTRIBUTE = RequestMetadataFilter.class.getName() + ".idempotencyKey";

    private static final Pattern CLIENT_REFERENCE = Pattern.compile("[\\x20-\\x7E]{1,128}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String correlationId = UUID.randomUUID().toString();
        request.setAttribute(CORRELATION_ID_ATTRIBUTE, correlationId);
        response.setHeader(CORRELATION_ID_HEADER, correlationId);
        String clientReference = request.getHeader(CORRELATION_ID_HEADER);
        if (clientReference != null && CLIENT_REFERENCE.matcher(clientReference).matches()) {
            request.setAttribute(CLIENT_REFERENCE_ATTRIBUTE, clientReference);
            response.setHeader(CLIENT_REFERENCE_HEADER, clientReference);
        }
        String idempotencyKey = request.getHeader(IDEMPOTENCY_KEY_HEADER);
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            request.setAttribute(IDEMPOTENCY_KEY_ATTRIBUTE, idempotencyKey);
        }
        chain.doFilter(request, response);
    }
}
