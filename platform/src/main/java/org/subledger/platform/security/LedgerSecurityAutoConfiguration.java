package org.subledger.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.subledger.kernel.error.ErrorCode;
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
@EnableConfigurationProperties(LedgerSecurityProperties.class)
@Import({ApiKeyController.class, AccessRefusalController.class})
public class LedgerSecurityAutoConfiguration {

    public static final String[] COMMAND_ROLES = {"AGENT", "SUPERVISOR", "BILLING", "ADMIN"};
    public static final String[] AUDIT_ROLES = {"AUDITOR", "SUPERVISOR", "ADMIN"};
    static final List<String> DEMO_USERS = List.of("agent", "supervisor", "billing", "auditor", "reporter", "admin");

    private static final Logger log = LoggerFactory.getLogger(LedgerSecurityAutoConfiguration.class);

    @Bean
    public SecurityFilterChain ledgerSecurityFilterChain(HttpSecurity http, ApiKeys apiKeys,
                                                         UserDetailsService users, PasswordEncoder passwordEncoder,
                                                         LedgerSecurityProperties properties,
                                                         ObjectProvider<Clock> clock) throws Exception {
        // Spring's builder registers the ProblemDetail mix-in, so the body has the same shape as every other error
        var json = Jackson2ObjectMapperBuilder.json().build();
        AuthenticationEntryPoint entryPoint = (request, response, exception) -> {
            if (exception instanceof LoginThrottledException throttled) {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
                writeProblem(json, request, response, HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_FAILED_LOGINS",
                        "Too many failed logins for this user or from this address; try again later.");
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"subscription-ledger\"");
            writeProblem(json, request, response, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
                    "Authenticate with an API key (Authorization: Bearer sk_...) or HTTP Basic.");
        };
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authenticationManager(new ProviderManager(passwordAuthentication(users, passwordEncoder,
                        properties.logins(), clock.getIfAvailable(Clock::systemUTC))))
                .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys, entryPoint),
                        BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .exceptionHandling(handling -> handling.accessDeniedHandler((request, response, exception) ->
                        writeProblem(json, request, response, HttpStatus.FORBIDDEN, ErrorCode.ACCESS_DENIED.name(),
                                "Your role may not do this.")))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/api/api-keys", "/api/api-keys/**").authenticated()
                        .requestMatchers("/api/audit/**").hasAnyRole(AUDIT_ROLES)
                        .requestMatchers("/api/admin/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/**").authenticated()
                        .requestMatchers("/api/**").hasAnyRole(COMMAND_ROLES)
                        .requestMatchers("/actuator/**").hasAnyRole("ADMIN", "REPORTER", "SUPERVISOR")
                        .anyRequest().authenticated());
        return http.build();
    }

    private static AuthenticationProvider passwordAuthentication(UserDetailsService users, PasswordEncoder encoder,
                                                                 LedgerSecurityProperties.Logins logins, Clock clock) {
        var passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        if (users instanceof UserDetailsPasswordService upgrades) {
            passwords.setUserDetailsPasswordService(upgrades);
        }
        var throttle = new LoginThrottle(clock, logins.failureWindow(), logins.maxFailuresPerUser(),
                logins.maxFailuresPerAddress());
        return new CachingPasswordAuthentication(passwords, throttle, clock, logins.passwordCacheTtl(),
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

    @Bean
    public AccessRefusals accessRefusals(JdbcTemplate jdbc, ObjectProvider<Clock> clock) {
        return new AccessRefusals(jdbc, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    public PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    public UserDetailsService userDetailsService(LedgerSecurityProperties properties, Environment environment) {
        List<UserDetails> users = new ArrayList<>();
        boolean embedded = NoDatasourceUrlCondition.embedded(environment);
        boolean demo = properties.demoUsers() != null ? properties.demoUsers() : embedded;
        if (demo) {
            if (!embedded) {
                log.warn("Demo users are enabled on an external database (ledger.security.demo-users=true)");
            }
            for (String name : DEMO_USERS) {
                // the demo password is public by design ("demo"); real users come with encoded passwords
                users.add(User.withUsername(name).password("{noop}demo").roles(name.toUpperCase()).build());
            }
        }
        Map<String, LedgerSecurityProperties.User> scoped = new HashMap<>();
        for (var user : properties.users()) {
            users.add(User.withUsername(user.name()).password(user.password())
                    .roles(user.roles().toArray(String[]::new)).build());
            if (user.scoped()) {
                scoped.put(user.name().toLowerCase(), user);
            }
        }
        if (users.isEmpty()) {
            log.warn("No users are configured: every request will be refused. Set ledger.security.users.");
        }
        return new ConfiguredUsers(users, scoped);
    }

    private static void writeProblem(ObjectMapper json, HttpServletRequest request, HttpServletResponse response,
                                     HttpStatus status, String code, String detail) throws IOException {
        var problem = Problems.of(status, code, detail, Map.of());
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
