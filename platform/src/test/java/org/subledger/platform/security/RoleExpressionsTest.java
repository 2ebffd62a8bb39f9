package org.subledger.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.util.SimpleMethodInvocation;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Role-only expressions decided without SpEL give Spring's decision for every caller; the rest is Spring's. */
class RoleExpressionsTest {

    static class Endpoints {
        @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR', 'BILLING', 'ADMIN')")
        public void charge() {
        }

        @PreAuthorize("hasRole('ADMIN')")
        public void admin() {
        }

        @PreAuthorize("hasAnyRole('ROLE_ADMIN')")
        public void prefixed() {
        }

        @PreAuthorize("hasRole('ADMIN') and hasRole('AGENT')")
        public void both() {
        }

        @PreAuthorize("permitAll")
        public void open() {
        }

        public void unannotated() {
        }
    }

    private static final List<Authentication> CALLERS = List.of(
            new TestingAuthenticationToken("agent", "", "ROLE_AGENT"),
            new TestingAuthenticationToken("admin", "", "ROLE_ADMIN", "ROLE_AGENT"),
            new TestingAuthenticationToken("auditor", "", "ROLE_AUDITOR"),
            new TestingAuthenticationToken("odd", "", "ADMIN", "SCOPE_ROLE_ADMIN"),
            new TestingAuthenticationToken("none", ""),
            new AnonymousAuthenticationToken("key", "anonymousUser",
                    AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));

    @Test
    void decidesAsSpringDoesForEveryCallerAndExpression() {
        var spring = new PreAuthorizeAuthorizationManager();
        var fast = new RoleExpressions(new PreAuthorizeAuthorizationManager());
        Object proxy = new ProxyFactory(new Endpoints()).getProxy();
        for (Method method : Endpoints.class.getDeclaredMethods()) {
            for (Object target : new Object[] {new Endpoints(), proxy}) {
                var invocation = new SimpleMethodInvocation(target, method);
                for (Authentication caller : CALLERS) {
                    assertThat(granted(fast.authorize(() -> caller, invocation)))
                            .as("%s by %s on %s", method.getName(), caller.getName(), target.getClass())
                            .isEqualTo(granted(spring.authorize(() -> caller, invocation)));
                }
            }
        }
    }

    @Test
    void readsRolesOnlyFromExpressionsThatNameRolesOnly() throws Exception {
        assertThat(RoleExpressions.rolesOnly(Endpoints.class.getMethod("charge"))).hasValueSatisfying(roles ->
                assertThat(roles).containsExactlyInAnyOrder("ROLE_AGENT", "ROLE_SUPERVISOR", "ROLE_BILLING",
                        "ROLE_ADMIN"));
        assertThat(RoleExpressions.rolesOnly(Endpoints.class.getMethod("admin"))).contains(Set.of(
                "ROLE_ADMIN"));
        for (String springs : new String[] {"prefixed", "both", "open", "unannotated"}) {
            assertThat(RoleExpressions.rolesOnly(Endpoints.class.getMethod(springs))).as(springs).isEmpty();
        }
    }

    private static Boolean granted(AuthorizationResult result) {
        return result == null ? null : result.isGranted();
    }
}
