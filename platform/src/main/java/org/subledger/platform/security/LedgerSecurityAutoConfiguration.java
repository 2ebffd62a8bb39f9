package org.subledger.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.platform.db.DatabaseFailures;
import org.subledger.platform.db.NoDatasourceUrlCondition;
import org.subledger.platform.web.Problems;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every endpoint needs an authenticated user (an API key as {@code Authorization: Bearer sk_…}, or HTTP Basic),
 * except the health probe. Neither costs bcrypt per request: keys are checked by HMAC, Basic passwords are verified
 * once per {@code ledger.security.logins.password-cache-ttl}, and failed logins are throttled before bcrypt runs. Reading is open to every role;
 * the audit trail to auditors, supervisors and admins; changing anything to the operational roles only, so an
 * auditor or a reporting tool can never issue a command. Finer rules sit on the command endpoints themselves.
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
        ManagementWebSecurityAutoConfiguration.class})
@EnableWebSecurity
@EnableMethodSecurity
@EnableConfigurationProperties({LedgerSecurityProperties.class, OidcProperties.class})
@Import({ApiKeyController.class, MeController.class, AccessRefusalController.class, MethodSecurityWithoutSpel.class})
public class LedgerSecurityAutoConfiguration {

    public static final String[] COMMAND_ROLES = {"AGENT", "SUPERVISOR", "BILLING", "ADMIN"};
    public static final String[] AUDIT_ROLES = {"AUDITOR", "SUPERVISOR", "ADMIN"};

    /** Path-pattern request matchers, and no MVC handler lookup per request for them: see PathPatternMatching. */
    @Bean
    static PathPatternRequestMatcherBuilderFactoryBean ledgerRequestMatchers() {
        return PathPatternMatching.requestMatchers();
    }

    @Bean
    static BeanFactoryPostProcessor ledgerWithoutHandlerLookupFilter() {
        return PathPatternMatching.withoutHandlerLookupFilter();
    }

    @Bean
    public SecurityFilterChain ledgerSecurityFilterChain(HttpSecurity http, ApiKeys apiKeys,
                                                         CachingPasswordAuthentication passwordAuthentication,
                                                         ObjectProvider<QueryGateway> queries,
                                                         OidcProperties oidc, UserDetailsService users) throws Exception {
        // Spring's builder registers the ProblemDetail mix-in, so the body has the same shape as every other error
        var json = Jackson2ObjectMapperBuilder.json().build();
        AuthenticationEntryPoint entryPoint = (request, response, exception) -> {
            if (exception instanceof LoginThrottledException throttled) {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
                writeProblem(json, request, response, HttpStatus.TOO_MANY_REQUESTS, ErrorCode.TOO_MANY_FAILED_LOGINS.name(),
                        "Too many failed logins for this user or from this address; try again later.");
                return;
            }
            if (DatabaseFailures.isUnavailable(exception)) {
                // the directory of users is in the database: not a wrong password, a request to repeat shortly
                response.setHeader(HttpHeaders.RETRY_AFTER, "5");
                writeProblem(json, request, response, HttpStatus.SERVICE_UNAVAILABLE,
                        ErrorCode.DATABASE_UNAVAILABLE.name(), "The ledger cannot reach its database at the moment.");
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"subscription-ledger\"");
            writeProblem(json, request, response, HttpStatus.UNAUTHORIZED, ErrorCode.UNAUTHENTICATED.name(),
                    "Authenticate with an API key (Authorization: Bearer sk_...) or HTTP Basic.");
        };
        AccessDeniedHandler denied = (request, response, exception) ->
                writeProblem(json, request, response, HttpStatus.FORBIDDEN, ErrorCode.ACCESS_DENIED.name(),
                        "Your role may not do this.");
        OidcBearerTokens.configure(http, oidc, apiKeys, (LedgerUsers) users, entryPoint, denied);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authenticationManager(new ProviderManager(passwordAuthentication))
                .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys, entryPoint, oidc.enabled()),
                        BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .addFilterAfter(new CustomerAccessFilter(queries, json), AuthorizationFilter.class)
                .exceptionHandling(handling -> handling.accessDeniedHandler(denied))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/customer-login/activate").permitAll()
                        .requestMatchers("/api/api-keys", "/api/api-keys/**").authenticated()
                        .requestMatchers("/api/audit/**").hasAnyRole(AUDIT_ROLES)
                        .requestMatchers("/api/admin/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/**").authenticated()
                        .requestMatchers("/api/**").hasAnyRole(COMMAND_ROLES)
                        .requestMatchers("/actuator/**").hasAnyRole("ADMIN", "REPORTER", "SUPERVISOR")
                        .anyRequest().authenticated());
        return http.build();
    }

    /** HTTP Basic for staff (configured users, then the directory), then customer logins; bcrypt never per request. */
    @Bean
    CachingPasswordAuthentication passwordAuthentication(UserDetailsService users, PasswordEncoder encoder,
                                                         LedgerSecurityProperties properties, JdbcTemplate jdbc,
                                                         ObjectProvider<Clock> clocks) {
        var logins = properties.logins();
        var clock = clocks.getIfAvailable(Clock::systemUTC);
        var passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        if (users instanceof UserDetailsPasswordService upgrades) {
            passwords.setUserDetailsPasswordService(upgrades);
        }
        var throttle = new LoginThrottle(clock, logins.failureWindow(), logins.maxFailuresPerUser(),
                logins.maxFailuresPerAddress());
        return new CachingPasswordAuthentication(
                new StaffThenCustomers(passwords, new CustomerPasswordAuthentication(jdbc, encoder)), users, throttle,
                clock, logins.passwordCacheTtl(),
                logins.maxConcurrentPasswordChecks());
    }

    @Bean
    public ApiKeys apiKeys(JdbcTemplate jdbc, UserDetailsService users, LedgerSecurityProperties properties,
                           Environment environment, ObjectProvider<Clock> clock) {
        var settings = properties.apiKeys();
        String keyEnvironment = settings.environment() != null ? settings.environment()
                : NoDatasourceUrlCondition.embedded(environment) ? "test" : "live";
        if (!keyEnvironment.matches("[a-z]{1,8}")) {
            throw new IllegalStateException("ledger.security.api-keys.environment must be 1 to 8 letters a-z, "
                    + "e.g. live or test");
        }
        return new ApiKeys(new ApiKeySecret(keyEnvironment, settings.hmacSecret(), jdbc), new ApiKeyStore(jdbc),
                users, clock.getIfAvailable(Clock::systemUTC), settings.cacheTtl());
    }

    /**
     * Spring Security wraps every filter of the chain in an observation (a span and timers per filter per request):
     * about an eighth of a charge's CPU over HTTP, for spans nobody collects. The request itself is still observed
     * ({@code http.server.requests}).
     */
    @Bean
    public SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    public AccessRefusals accessRefusals(JdbcTemplate jdbc, ObjectProvider<Clock> clock) {
        return new AccessRefusals(jdbc, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    public PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * The configured (bootstrap) users, then the ledger's own directory of users. The demo users live in the
     * directory: the command side sets them up at start-up when demo users are on.
     */
    @Bean
    public UserDetailsService userDetailsService(LedgerSecurityProperties properties, JdbcTemplate jdbc,
                                                 ObjectProvider<Clock> clock) {
        List<UserDetails> users = new ArrayList<>();
        Map<String, LedgerSecurityProperties.User> scoped = new HashMap<>();
        for (var user : properties.users()) {
            users.add(User.withUsername(user.name()).password(user.password())
                    .roles(user.roles().toArray(String[]::new)).build());
            if (user.scoped()) {
                scoped.put(user.name().toLowerCase(), user);
            }
        }
        return new LedgerUsers(new ConfiguredUsers(users, scoped), new UserDirectory(jdbc),
                clock.getIfAvailable(Clock::systemUTC), properties.apiKeys().cacheTtl());
    }

    @Bean
    DirectoryChanges directoryChanges(UserDetailsService users, CachingPasswordAuthentication passwords) {
        return new DirectoryChanges((LedgerUsers) users, passwords);
    }

    static void writeProblem(ObjectMapper json, HttpServletRequest request, HttpServletResponse response,
                                     HttpStatus status, String code, String detail) throws IOException {
        var problem = Problems.of(status, code, detail, Map.of());
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
