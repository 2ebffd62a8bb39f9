package org.subledger.platform.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockServletContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.support.StaticWebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The indexed lookup gives Spring's answer for every request: the handler, the path variables, or the refusal. */
class IndexedRequestMappingsTest {

    @RestController
    @RequestMapping("/api/accounts")
    static class Accounts {
        @PostMapping
        void open() {
        }

        @GetMapping("/{accountId}")
        void read(@PathVariable String accountId) {
        }

        @PostMapping("/{accountId}/charges")
        void charge(@PathVariable String accountId) {
        }

        @PostMapping(path = "/{accountId}/charges", consumes = "text/plain")
        void chargeAsText(@PathVariable String accountId) {
        }

        @PutMapping("/{accountId}/credit-limit")
        void creditLimit(@PathVariable String accountId) {
        }

        @GetMapping("/unsettled")
        void unsettled() {
        }
    }

    @RestController
    static class Others {
        @GetMapping("/error")
        void error() {
        }

        @GetMapping("/{anything}/overview")
        void overview(@PathVariable String anything) {
        }

        @GetMapping("/api/{kind}/summary")
        void summary(@PathVariable String kind) {
        }

        @GetMapping("/api/files/**")
        void files() {
        }

        @GetMapping({"/api/bills/{billId}", "/api/invoices/{billId}"})
        void bill(@PathVariable String billId) {
        }
    }

    private static final List<String[]> REQUESTS = List.of(
            new String[] {"POST", "/api/accounts"},
            new String[] {"GET", "/api/accounts"},
            new String[] {"GET", "/api/accounts/A-1"},
            new String[] {"POST", "/api/accounts/A-1/charges"},
            new String[] {"POST", "/api/accounts/A%2D1/charges"},
            new String[] {"POST", "/api/acc%6Funts/A-1/charges"},
            new String[] {"POST", "/api/accounts;v=1/A-1/charges"},
            new String[] {"GET", "/api/accounts/A-1/charges"},
            new String[] {"POST", "/api/Accounts/A-1/charges"},
            new String[] {"POST", "/api/accounts/A-1/charges/"},
            new String[] {"POST", "//api/accounts/A-1/charges"},
            new String[] {"PUT", "/api/accounts/A-1/credit-limit"},
            new String[] {"GET", "/api/accounts/unsettled"},
            new String[] {"GET", "/api/accounts/summary"},
            new String[] {"GET", "/api/bills/B-1"},
            new String[] {"GET", "/api/invoices/B-1"},
            new String[] {"GET", "/api/files/a/b/c"},
            new String[] {"GET", "/api/nothing/here"},
            new String[] {"GET", "/customers/overview"},
            new String[] {"GET", "/error"},
            new String[] {"GET", "/"},
            new String[] {"GET", ""},
            new String[] {"OPTIONS", "/api/accounts/A-1/charges"});

    @Test
    void findsWhatSpringFindsForEveryRequest() throws Exception {
        var spring = mappings(new RequestMappingHandlerMapping());
        var indexed = mappings(new IndexedRequestMappings());
        for (String[] request : REQUESTS) {
            for (String contentType : new String[] {"application/json", "text/plain"}) {
                assertThat(lookup(indexed, request[0], request[1], contentType, false))
                        .as("%s %s (%s)", request[0], request[1], contentType)
                        .isEqualTo(lookup(spring, request[0], request[1], contentType, false));
            }
        }
        assertThat(lookup(indexed, "OPTIONS", "/api/accounts/A-1/charges", "application/json", true))
                .as("a CORS pre-flight").isEqualTo(lookup(spring, "OPTIONS", "/api/accounts/A-1/charges",
                        "application/json", true));
    }

    @Test
    void answersTheChargeFromItsIndex() throws Exception {
        String found = lookup(mappings(new IndexedRequestMappings()), "POST", "/api/accounts/A-1/charges",
                "application/json", false);
        assertThat(found).isEqualTo("charge {accountId=A-1}");
    }

    private static RequestMappingHandlerMapping mappings(RequestMappingHandlerMapping mapping) {
        var context = new StaticWebApplicationContext();
        context.setServletContext(new MockServletContext());
        context.registerSingleton("accounts", Accounts.class);
        context.registerSingleton("others", Others.class);
        context.refresh();
        mapping.setApplicationContext(context);
        mapping.afterPropertiesSet();
        return mapping;
    }

    /** What the lookup answered, as text: the handler method and path variables, or the exception's type. */
    private static String lookup(RequestMappingHandlerMapping mapping, String method, String path,
                                 String contentType, boolean preflight) {
        var request = new MockHttpServletRequest(method, path);
        request.setContentType(contentType);
        if (preflight) {
            request.addHeader(HttpHeaders.ORIGIN, "https://example.com");
            request.addHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST");
        }
        ServletRequestPathUtils.parseAndCache(request);
        try {
            HandlerExecutionChain chain = mapping.getHandler(request);
            if (chain == null) {
                return "none";
            }
            String handler = chain.getHandler() instanceof HandlerMethod handlerMethod ? handlerMethod.getMethod().getName()
                    : chain.getHandler().getClass().getSimpleName();
            return handler + " " + request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        } catch (Exception refused) {
            return refused.getClass().getSimpleName();
        }
    }
}
