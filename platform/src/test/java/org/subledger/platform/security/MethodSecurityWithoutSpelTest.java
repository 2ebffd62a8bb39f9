package org.subledger.platform.security;

import io.micrometer.observation.ObservationRegistry;
import org.aopalliance.intercept.MethodInvocation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.ResolvableType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Method security takes the ledger's role check even with Micrometer's observation post-processor beside it (the
 * set-up of the running ledger): before it was primary, Spring found two candidates and used neither.
 */
class MethodSecurityWithoutSpelTest {

    static class Endpoints {
        @PreAuthorize("hasAnyRole('AGENT', 'ADMIN')")
        public String charge() {
            return "charged";
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableMethodSecurity
    @Import(MethodSecurityWithoutSpel.class)
    static class Context {
        @Bean
        ObservationRegistry observationRegistry() {
            return ObservationRegistry.create();
        }

        @Bean
        Endpoints endpoints() {
            return new Endpoints();
        }
    }

    private final AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(Context.class);

    @AfterEach
    void close() {
        SecurityContextHolder.clearContext();
        context.close();
    }

    @Test
    void methodSecurityDecidesRoleExpressionsWithTheLedgersCheck() {
        ResolvableType type = ResolvableType.forClassWithGenerics(ObjectPostProcessor.class,
                ResolvableType.forClassWithGenerics(AuthorizationManager.class, MethodInvocation.class));
        assertThat(context.getBeanNamesForType(type)).hasSizeGreaterThan(1);
        @SuppressWarnings("unchecked")
        var unique = (ObjectPostProcessor<AuthorizationManager<MethodInvocation>>)
                context.getBeanProvider(type).getIfUnique();
        assertThat(unique).isNotNull();
        AuthorizationManager<MethodInvocation> spring = new PreAuthorizeAuthorizationManager();
        assertThat(unique.postProcess(spring)).isInstanceOf(RoleExpressions.class);
    }

    @Test
    void grantsAndRefusesByRoleAsBefore() {
        var endpoints = context.getBean(Endpoints.class);
        SecurityContextHolder.getContext().setAuthentication(
                new TestingAuthenticationToken("agent", "", "ROLE_AGENT"));
        assertThat(endpoints.charge()).isEqualTo("charged");
        SecurityContextHolder.getContext().setAuthentication(
                new TestingAuthenticationToken("auditor", "", "ROLE_AUDITOR"));
        assertThatThrownBy(endpoints::charge).isInstanceOf(AuthorizationDeniedException.class);
    }
}
