package org.subledger.platform.security;

import org.aopalliance.intercept.MethodInvocation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.ObjectPostProcessor;

/**
 * Method security decides role-only {@code @PreAuthorize} expressions without SpEL (see {@link RoleExpressions}).
 * <p>The post-processor is primary because Spring Security applies one only when it is the unique candidate, and
 * with Micrometer on the class path it registers its own beside it (for authorization observations, which the
 * ledger turns off: {@code SecurityObservationSettings.noObservations()}). With two candidates Spring used neither,
 * and method security parsed and evaluated the SpEL of every endpoint's {@code @PreAuthorize} on every request: about
 * 5 % of the request threads' CPU per charge over HTTP in a JFR profile (2026-12-02, docs/benchmarks.md).
 */
@Configuration(proxyBeanMethods = false)
class MethodSecurityWithoutSpel {

    @Bean
    @Primary
    static ObjectPostProcessor<AuthorizationManager<MethodInvocation>> ledgerRoleExpressions() {
        return new ObjectPostProcessor<>() {
            @Override
            @SuppressWarnings("unchecked")
            public <O extends AuthorizationManager<MethodInvocation>> O postProcess(O manager) {
                return (O) new RoleExpressions(manager);
            }
        };
    }
}
