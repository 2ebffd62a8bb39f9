package org.subledger.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * Who may use the ledger.
 *
 * @param demoUsers the demo users ({@code agent}, {@code supervisor}, {@code billing}, {@code auditor},
 *                  {@code reporter}, {@code admin}, password {@code demo}); on by default with the embedded database
 *                  only, refused with an external database unless set to {@code true} explicitly
 * @param users     the deployment's own users; passwords in Spring's encoded form, e.g. {@code {bcrypt}$2a$...}
 */
@ConfigurationProperties("ledger.security")
public record LedgerSecurityProperties(Boolean demoUsers, List<User> users) {

    public LedgerSecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /** One configured user with its roles (AGENT, SUPERVISOR, BILLING, AUDITOR, REPORTER, ADMIN). */
    public record User(String name, String password, List<String> roles) {
    }
}
