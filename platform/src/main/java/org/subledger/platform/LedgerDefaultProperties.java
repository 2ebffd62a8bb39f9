package org.subledger.platform;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.subledger.platform.db.NoDatasourceUrlCondition;

import java.util.Map;

/**
 * Defaults every ledger node starts with; any of them can be overridden by application properties, the command line
 * or the environment. They are set this early because several auto-configurations are conditional on them.
 */
public class LedgerDefaultProperties implements EnvironmentPostProcessor {

    static final Map<String, Object> DEFAULTS = Map.ofEntries(
            // Axon Server is the scale-out option, switched on by the "axonserver" profile only
            Map.entry("axon.axonserver.enabled", "false"),
            // no phoning home, no files under ~/.axoniq
            Map.entry("axon.update-check.disabled", "true"),
            // Axon times each unit of work (command, event batch, query) and, by default, each handler in it too: every
            // timed task captures the thread's stack when it starts, which for the handlers of one HTTP charge cost a
            // few percent of its CPU, and a fifth on the usage path. The transaction timeouts stay: they bound the
            // same work, once per unit of work.
            Map.entry("axon.timeout.handler.commands.timeout-ms", "-1"),
            Map.entry("axon.timeout.handler.commands.warning-threshold-ms", "-1"),
            Map.entry("axon.timeout.handler.events.timeout-ms", "-1"),
            Map.entry("axon.timeout.handler.events.warning-threshold-ms", "-1"),
            Map.entry("axon.timeout.handler.queries.timeout-ms", "-1"),
            Map.entry("axon.timeout.handler.queries.warning-threshold-ms", "-1"),
            Map.entry("axon.timeout.handler.deadlines.timeout-ms", "-1"),
            Map.entry("axon.timeout.handler.deadlines.warning-threshold-ms", "-1"),
            Map.entry("spring.flyway.locations", "classpath:db/migration"),
            // command and query nodes carry different subsets of the migrations and may apply them in any order
            Map.entry("spring.flyway.out-of-order", "true"),
            Map.entry("spring.flyway.ignore-migration-patterns", "*:missing"),
            Map.entry("management.endpoints.web.exposure.include", "health,info,metrics,prometheus"),
            Map.entry("management.endpoint.health.probes.enabled", "true"),
            // http.server.requests is timed by the ledger's RequestTimerFilter, with the same tags: Boot's observation
            // of each request (context, scopes, handlers, the timer built from its tags every time) cost ~5 % of an
            // HTTP charge's CPU (issue 10)
            Map.entry("spring.autoconfigure.exclude",
                    "org.springframework.boot.actuate.autoconfigure.observation.web.servlet."
                            + "WebMvcObservationAutoConfiguration"),
            // no "active requests" long-task timers for what is still observed
            Map.entry("management.observations.long-task-timer.enabled", "false"),
            // components and their details (failing processors, dead letters per group) for administrators only
            Map.entry("management.endpoint.health.show-details", "when-authorized"),
            Map.entry("management.endpoint.health.roles", "ADMIN"),
            // dead letters: not UP, yet answered 200 and ranked below DOWN; a stuck processor makes readiness DOWN
            Map.entry("management.endpoint.health.status.order", "down,out-of-service,dead-letters,up,unknown"),
            Map.entry("management.endpoint.health.group.readiness.include",
                    "readinessState,eventProcessors,deadLetters"),
            Map.entry("spring.threads.virtual.enabled", "false"),
            // the persistent scheduler (deadlines, scheduled actions): look for due tasks every second, and start
            // only once the context is ready, i.e. after Flyway has created scheduled_tasks
            Map.entry("db-scheduler.polling-interval", "1s"),
            Map.entry("db-scheduler.delay-startup-until-context-ready", "true"),
            // a stopping node waits at most this long for running tasks (a deadline re-runs after a restart anyway)
            Map.entry("db-scheduler.shutdown-max-wait", "5s"),
            Map.entry("server.error.include-message", "never"),
            // the OpenAPI document is a checked-in contract (docs/openapi.json): same bytes for the same API
            Map.entry("springdoc.writer-with-order-by-keys", "true"),
            Map.entry("springdoc.default-produces-media-type", "application/json"),
            // Tomcat reads headers this long whole, so that the ledger's own bound (8 KB, RequestHeadersFilter)
            // answers an oversized request on an open connection instead of Tomcat cutting it off mid-request
            Map.entry("server.max-http-request-header-size", "64KB"),
            // with the database gone a request fails within seconds (503 DATABASE_UNAVAILABLE, Retry-After) instead
            // of waiting Hikari's default 30 s for a connection that will not come; 5 s still lets a pool busy with
            // a bill run and every projection hand a connection over
            Map.entry("spring.datasource.hikari.connection-timeout", "5000"),
            Map.entry("spring.datasource.hikari.validation-timeout", "1000"),
            // start-up and shutdown without the known noise: one line says the ledger is ready (ReadyLine); each
            // of these stays at WARN, so a real problem is still logged
            Map.entry("logging.level.org.springframework.core.annotation.AnnotationTypeMapping", "ERROR"),
            Map.entry("logging.level.org.springframework.security.config.annotation.authentication.configuration",
                    "ERROR"),
            Map.entry("logging.level.org.springframework.boot.web.embedded.tomcat", "WARN"),
            Map.entry("logging.level.org.springframework.boot.web.servlet.context", "WARN"),
            Map.entry("logging.level.org.springframework.boot.actuate.endpoint.web", "WARN"),
            Map.entry("logging.level.org.apache.catalina", "WARN"),
            Map.entry("logging.level.org.axonframework.eventhandling.pooled", "WARN"),
            Map.entry("logging.level.org.axonframework.config.AxonIQConsoleModule", "WARN"),
            Map.entry("logging.level.org.axonframework.springboot", "WARN"),
            Map.entry("logging.level.org.axonframework.updates", "WARN"),
            Map.entry("logging.level.io.zonky.test.db.postgres", "WARN"),
            Map.entry("logging.level.com.zaxxer.hikari", "WARN"),
            Map.entry("logging.level.com.github.kagkarlsson.scheduler", "WARN"),
            // the migrations applied are in flyway_schema_history; out-of-order is the ledger's choice (see above)
            Map.entry("logging.level.org.flywaydb", "WARN"),
            Map.entry("logging.level.org.flywaydb.core.internal.command.DbMigrate", "ERROR"));

    /** Not ready while the database is unreachable; with the embedded one, also while its server is restarting. */
    static final String READINESS = "management.endpoint.health.group.readiness.include";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        var defaults = new java.util.HashMap<String, Object>(DEFAULTS);
        String database = NoDatasourceUrlCondition.embedded(environment) ? "db,embeddedPostgres" : "db";
        // added to whatever else readiness includes by default (processors, dead letters)
        defaults.merge(READINESS, "readinessState," + database, (others, ours) -> others + "," + database);
        environment.getPropertySources().addLast(new MapPropertySource("ledgerDefaults", defaults));
    }
}
