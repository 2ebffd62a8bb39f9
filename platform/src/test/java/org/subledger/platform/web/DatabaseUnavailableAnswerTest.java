package org.subledger.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A database that cannot be reached is a 503 with a stable code and Retry-After, wherever the failure surfaces. */
class DatabaseUnavailableAnswerTest {

    final LedgerExceptionHandler handler = new LedgerExceptionHandler();

    @Test
    void aCommandThatLostItsConnectionIsAnswered503WithRetryAfter() {
        var lost = new PSQLException("An I/O error occurred while sending to the backend", PSQLState.CONNECTION_FAILURE);

        var answer = handler.commandFailed(new CommandExecutionException("append failed", lost));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(answer.getBody().getProperties()).containsEntry("code", "DATABASE_UNAVAILABLE");
    }

    @Test
    void anyOtherFailureStaysAnInternalError() {
        var answer = handler.unexpected(new IllegalStateException("a bug"));

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getBody().getProperties()).containsEntry("code", "INTERNAL_ERROR");
    }

    @Test
    void aFilterThatCannotGetAConnectionIsAnswered503AsProblemJson() throws Exception {
        ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();
        var response = new MockHttpServletResponse();
        var chain = new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse response) {
                throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection");
            }
        };

        new DatabaseUnavailableFilter(json).doFilter(new MockHttpServletRequest("POST", "/api/accounts"), response,
                chain);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(json.readTree(response.getContentAsString()).get("code").asText())
                .isEqualTo("DATABASE_UNAVAILABLE");
    }

    @Test
    void aFilterFailureOfAnotherKindPassesThrough() {
        var chain = new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse response) {
                throw new IllegalStateException("a bug");
            }
        };

        assertThatThrownBy(() -> new DatabaseUnavailableFilter(new ObjectMapper()).doFilter(
                new MockHttpServletRequest("GET", "/api/accounts"), new MockHttpServletResponse(), chain))
                .isInstanceOf(IllegalStateException.class);
    }
}
