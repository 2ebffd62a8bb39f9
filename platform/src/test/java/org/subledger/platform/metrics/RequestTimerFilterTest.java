package org.subledger.platform.metrics;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerMapping;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every request is timed once, under its endpoint's pattern and how it ended, with Spring Boot's tag names. */
class RequestTimerFilterTest {

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final RequestTimerFilter filter = new RequestTimerFilter(registry);

    @Test
    void aRequestIsTimedUnderTheMatchedPatternNeverTheRawPath() throws Exception {
        for (String account : new String[]{"A-1", "A-2"}) {
            var request = new MockHttpServletRequest("POST", "/api/accounts/" + account + "/charges");
            filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
                req.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, "/api/accounts/{accountId}/charges");
                ((MockHttpServletResponse) res).setStatus(201);
            });
        }

        Timer timer = registry.get(RequestTimerFilter.METRIC).tag("uri", "/api/accounts/{accountId}/charges")
                .tag("method", "POST").tag("status", "201").tag("outcome", "SUCCESS").tag("exception", "none")
                .tag("error", "none").timer();
        assertThat(timer.count()).isEqualTo(2);
        assertThat(registry.get(RequestTimerFilter.METRIC).timers()).hasSize(1);
    }

    @Test
    void aRequestNoEndpointTookIsNotFoundOrUnknown() throws Exception {
        filter.doFilter(new MockHttpServletRequest("GET", "/nowhere/123"), new MockHttpServletResponse(),
                (req, res) -> ((MockHttpServletResponse) res).setStatus(404));
        filter.doFilter(new MockHttpServletRequest("GET", "/api/secret"), new MockHttpServletResponse(),
                (req, res) -> ((MockHttpServletResponse) res).setStatus(401));

        assertThat(registry.get(RequestTimerFilter.METRIC).tag("uri", "NOT_FOUND").tag("outcome", "CLIENT_ERROR")
                .timer().count()).isEqualTo(1);
        assertThat(registry.get(RequestTimerFilter.METRIC).tag("uri", "UNKNOWN").tag("status", "401")
                .timer().count()).isEqualTo(1);
    }

    @Test
    void madeUpMethodsShareOneTimer() throws Exception {
        for (String method : new String[]{"FOO", "BAR", "get"}) {
            filter.doFilter(new MockHttpServletRequest(method, "/api/accounts"), new MockHttpServletResponse(),
                    (req, res) -> ((MockHttpServletResponse) res).setStatus(405));
        }

        assertThat(registry.get(RequestTimerFilter.METRIC).tag("method", "UNKNOWN").timer().count()).isEqualTo(3);
        assertThat(registry.get(RequestTimerFilter.METRIC).timers()).hasSize(1);
    }

    @Test
    void aFailureThatEscapesIsTimedAsTheServerErrorItBecomes() {
        var request = new MockHttpServletRequest("GET", "/api/accounts/A-1");
        FilterChain failing = (req, res) -> {
            req.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, "/api/accounts/{accountId}");
            throw new IllegalStateException("boom");
        };

        assertThatThrownBy(() -> filter.doFilter(request, new MockHttpServletResponse(), failing))
                .isInstanceOf(IllegalStateException.class);

        assertThat(registry.get(RequestTimerFilter.METRIC).tag("status", "500").tag("outcome", "SERVER_ERROR")
                .tag("exception", "IllegalStateException").tag("uri", "/api/accounts/{accountId}").timer().count())
                .isEqualTo(1);
    }

    @Test
    void outcomesFollowTheStatusClass() {
        assertThat(RequestTimerFilter.outcome(101)).isEqualTo("INFORMATIONAL");
        assertThat(RequestTimerFilter.outcome(204)).isEqualTo("SUCCESS");
        assertThat(RequestTimerFilter.outcome(302)).isEqualTo("REDIRECTION");
        assertThat(RequestTimerFilter.outcome(409)).isEqualTo("CLIENT_ERROR");
        assertThat(RequestTimerFilter.outcome(503)).isEqualTo("SERVER_ERROR");
        assertThat(RequestTimerFilter.outcome(42)).isEqualTo("UNKNOWN");
    }
}
