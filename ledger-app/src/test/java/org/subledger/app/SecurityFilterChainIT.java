package org.subledger.app;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The security filter chain runs without Spring Security's per-request MVC handler lookup (issue 10: a second handler
 * lookup on every request), and its path rules still hold: the health probe is open, the API needs a user, commands
 * need an operational role, the audit trail an auditor's.
 */
class SecurityFilterChainIT extends LedgerIT {

    @Autowired
    ApplicationContext context;

    @Test
    void theChainIsSpringSecuritysOwnWithoutTheHandlerLookupFilter() {
        Object chain = context.getBean("springSecurityFilterChain");
        assertThat(chain.getClass().getName()).doesNotContain("WebMvcSecurityConfiguration");
        assertThat(chain.toString()).doesNotContain("HandlerMappingIntrospector");
    }

    @Test
    void thePathRulesStillHold() {
        assertThat(api.get(null, "/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(api.get(null, "/api/accounts").status()).isEqualTo(401);
        assertThat(api.get("auditor", "/api/accounts").status()).isEqualTo(200);
        assertThat(api.post("auditor", "/api/accounts/x/charges", "{\"amount\":1.00}").status()).isEqualTo(403);
        assertThat(api.get("agent", "/api/audit/access-refusals").status()).isEqualTo(403);
        assertThat(api.get("auditor", "/api/audit/access-refusals").status()).isEqualTo(200);
        assertThat(api.get("agent", "/api/admin/dead-letters").status()).isEqualTo(403);
    }
}
