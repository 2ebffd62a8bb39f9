package org.subledger.platform.web.input;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.platform.web.Problems;

import java.io.IOException;
import java.util.Collections;
import java.util.Map;

/**
 * Refuses a request whose headers add up to more than {@link #MAX_HEADER_CHARACTERS} characters: 431 problem+json,
 * before anything else runs. Tomcat itself reads headers up to {@code server.max-http-request-header-size} (64 KB by
 * the ledger's defaults, well above this bound) so that such a request is read whole and answered here on an open
 * connection: when Tomcat cuts a request at its own limit it closes the connection with the rest unread, the client
 * gets a reset, and may never see the answer.
 */
public class RequestHeadersFilter extends OncePerRequestFilter {

    /** The headers of one request, names and values: Tomcat's own default bound (8 KB) kept as the ledger's. */
    public static final int MAX_HEADER_CHARACTERS = 8 * 1024;

    private final ObjectMapper json;

    public RequestHeadersFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (headerCharacters(request) <= MAX_HEADER_CHARACTERS) {
            chain.doFilter(request, response);
            return;
        }
        var problem = Problems.of(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, ErrorCode.REQUEST_TOO_LARGE.name(),
                "The request's headers are longer than " + MAX_HEADER_CHARACTERS + " characters.", Map.of());
        response.setStatus(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    private static long headerCharacters(HttpServletRequest request) {
        long characters = 0;
        for (String name : Collections.list(request.getHeaderNames())) {
            for (String value : Collections.list(request.getHeaders(name))) {
                characters += name.length() + value.length() + 4; // ": " and the line's end
            }
        }
        return characters;
    }
}
