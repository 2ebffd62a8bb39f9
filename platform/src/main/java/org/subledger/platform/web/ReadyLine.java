package org.subledger.platform.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

import java.nio.file.Path;

/**
 * One line when the ledger serves, so a newcomer sees where to go without reading the log: the URL and its API
 * documentation, where the data lives, and the demo users when they are on. Ordered last among the ready listeners,
 * so the demo organisation (set up on the same event) is in place when it is printed.
 */
final class ReadyLine implements ApplicationListener<ApplicationReadyEvent>, Ordered {

    private static final Logger LOG = LoggerFactory.getLogger("org.subledger.ready");

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            return;
        }
        LOG.info(line(event.getApplicationContext().getEnvironment(), web.getWebServer().getPort()));
    }

    static String line(Environment environment, int port) {
        String url = "http://localhost:" + port;
        String externalDatabase = environment.getProperty("spring.datasource.url");
        boolean embedded = !StringUtils.hasText(externalDatabase);
        String data = embedded
                ? "data in " + Path.of(environment.getProperty("ledger.embedded-postgres.data-dir", "data/postgres"))
                .toAbsolutePath().normalize() + " (embedded PostgreSQL)"
                : "data in " + externalDatabase.replaceAll("(?i)password=[^&;]*", "password=***");
        boolean demo = environment.getProperty("ledger.security.demo-users", Boolean.class, embedded);
        String users = demo ? "; demo users agent, supervisor, billing, admin, auditor, reporter, sales, installer"
                + " (password demo)" : "";
        return "Ledger ready at " + url + " (API documentation " + url + "/swagger-ui.html); " + data + users;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
