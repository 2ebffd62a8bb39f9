package org.subledger.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

/** The HTTP conventions shared by command and query nodes: request metadata, problem+json errors, OpenAPI. */
@AutoConfiguration
@ConditionalOnWebApplication
@Import(LedgerExceptionHandler.class)
@OpenAPIDefinition(
        info = @Info(title = "Subscription ledger API", version = "v1",
                description = "Event-sourced accounts receivable, subscriptions and billing."),
        security = {@SecurityRequirement(name = "apiKey"), @SecurityRequirement(name = "basic")})
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "sk_live_…",
        description = "An API key from POST /api/api-keys")
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
public class LedgerWebAutoConfiguration {

    @Bean
    public FilterRegistrationBean<RequestMetadataFilter> requestMetadataFilter() {
        var registration = new FilterRegistrationBean<>(new RequestMetadataFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** Outside Spring Security's filters and the command side's idempotency filter, whose failures it answers. */
    @Bean
    public FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter(ObjectMapper json) {
        var registration = new FilterRegistrationBean<>(new DatabaseUnavailableFilter(json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
