package org.subledger.platform.web.input;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** A plain path passes without decoding; anything else is decoded and checked segment by segment, as before. */
class RequestInputFilterTest {

    private final RequestInputFilter filter = new RequestInputFilter(new ObjectMapper());

    @Test
    void plainPathsWithinBoundsNeedNoDecoding() {
        assertThat(RequestInputFilter.plainWithinBounds("/api/accounts/3f2b-9c_1.x~/charges")).isTrue();
        assertThat(RequestInputFilter.plainWithinBounds("/api/catalog/a+b")).isTrue();
        assertThat(RequestInputFilter.plainWithinBounds("/" + "a".repeat(255) + "/b")).isTrue();
        assertThat(RequestInputFilter.plainWithinBounds("/" + "a".repeat(256))).isFalse();
        assertThat(RequestInputFilter.plainWithinBounds("/api/accounts/%00")).isFalse();
        assertThat(RequestInputFilter.plainWithinBounds("/api/accounts/\u0001")).isFalse();
        assertThat(RequestInputFilter.plainWithinBounds("/api/accounts/\u00e9")).isFalse();
    }

    @Test
    void passesAPlainPath() throws Exception {
        var response = run("/api/accounts/abc-123/charges");
        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void refusesWhatDecodingRevealsAndOverlongSegments() throws Exception {
        for (String path : new String[] {"/api/accounts/%00/charges", "/api/accounts/%C3%28", "/api/accounts/%1F",
                "/api/accounts/" + "a".repeat(256), "/api/accounts/" + "%41".repeat(256)}) {
            var response = run(path);
            assertThat(response.getStatus()).as(path).isEqualTo(400);
            assertThat(response.getContentType()).as(path).isEqualTo("application/problem+json");
        }
        assertThat(run("/api/accounts/%41%42").getStatus()).isEqualTo(200);
    }

    private MockHttpServletResponse run(String path) throws Exception {
        var request = new MockHttpServletRequest("POST", path);
        var response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
