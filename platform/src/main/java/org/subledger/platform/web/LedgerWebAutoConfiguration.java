package org.subledger.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.subledger.platform.clock.ClockController;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcRegistrations;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springdoc.core.utils.SpringDocUtils;
import org.subledger.kernel.access.AccessScope;

import java.util.List;
import org.subledger.platform.security.AuthorizeBeforeBindingInterceptor;
import org.subledger.platform.web.openapi.ApiContract;
import org.subledger.platform.web.input.BoundedParameterConverters;
import org.subledger.platform.web.input.RequestHeadersFilter;
import org.subledger.platform.web.input.RequestInputFilter;
import org.subledger.platform.web.input.RequestJson;

/**
 * The HTTP conventions shared by command and query nodes: request metadata, input bounds, problem+json errors
 * (also for what Tomcat and Spring refuse before the ledger's code runs), roles before binding, OpenAPI.
 */
@AutoConfiguration(before = {HttpMessageConvertersAutoConfiguration.class, ErrorMvcAutoConfiguration.class})
@ConditionalOnWebApplication
@Import({LedgerExceptionHandler.class, ProblemErrorController.class, ClockController.class})
@OpenAPIDefinition(
        info = @Info(title = "Subscription ledger API", version = "v1",
                description = "Event-sourced accounts receivable, subscriptions and billing."),
        security = {@SecurityRequirement(name = "apiKey"), @SecurityRequirement(name = "basic")})
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "sk_live_…",
        description = "An API key from POST /api/api-keys")
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
public class LedgerWebAutoConfiguration {

    static {
        // the caller's access scope is resolved from its authentication (AccessScopeArgumentResolver), not sent
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(AccessScope.class);
        ApiContract.registerSchemas();
    }

    /** Tags, problem answers, Idempotency-Key and amounts for every operation, including ones added later. */
    @Bean
    public ApiContract ledgerApiContract() {
        return new ApiContract();
    }

    @Bean
    static ApplicationListener<ApplicationReadyEvent> ledgerReadyLine() {
        return new ReadyLine();
    }

    @Bean
    public FilterRegistrationBean<RequestMetadataFilter> requestMetadataFilter() {
        var registration = new FilterRegistrationBean<>(new RequestMetadataFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** Right after the request gets its correlation id: oversized headers are answered at once, the connection kept. */
    @Bean
    public FilterRegistrationBean<RequestHeadersFilter> requestHeadersFilter(ObjectMapper json) {
        var registration = new FilterRegistrationBean<>(new RequestHeadersFilter(json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 15);
        return registration;
    }

    /** Outside Spring Security's filters and the command side's idempotency filter, whose failures it answers. */
    @Bean
    public FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter(ObjectMapper json) {
        var registration = new FilterRegistrationBean<>(new DatabaseUnavailableFilter(json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    /** Right after authentication: an anonymous caller learns nothing, an authenticated one no more than bounds. */
    @Bean
    public FilterRegistrationBean<RequestInputFilter> requestInputFilter(ObjectMapper objectMapper) {
        var registration = new FilterRegistrationBean<>(new RequestInputFilter(objectMapper));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    /**
     * Request bodies are read strictly and within the input bounds, amounts are written in their one shape
     * ({@link AmountJson}); Spring's own mapper is left as it is.
     */
    @Bean
    public MappingJackson2HttpMessageConverter mappingJackson2HttpMessageConverter(ObjectMapper objectMapper) {
        return new MappingJackson2HttpMessageConverter(RequestJson.strict(objectMapper)
                .registerModule(AmountJson.module()));
    }

    /** Request mappings looked up by their paths' prefix first: see {@link IndexedRequestMappings}. */
    @Bean
    public WebMvcRegistrations ledgerRequestMappings() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new IndexedRequestMappings();
            }
        };
    }

    @Bean
    public WebMvcConfigurer ledgerInputBounds() {
        return new WebMvcConfigurer() {
            @Override
            public void addFormatters(FormatterRegistry registry) {
                BoundedParameterConverters.register(registry);
            }

            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new AuthorizeBeforeBindingInterceptor());
            }

            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new AccessScopeArgumentResolver());
            }
        };
    }

    @Bean
    public WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReportValve() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }
}
