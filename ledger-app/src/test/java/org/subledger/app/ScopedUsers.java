package org.subledger.app;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.util.List;

/**
 * Users of given units (ledger.security.users with units and super-user), password {@code demo} like the demo users,
 * for the access tests: their scope is exactly their units, as the organisation's membership closure would give it.
 */
final class ScopedUsers {

    static final String SERVICE_AGENT = "scoped-service";
    static final String SALES_AGENT = "scoped-sales";
    /** A Customer Service agent whose unit collaborates with Sales: its scope holds both. */
    static final String COLLABORATING_AGENT = "scoped-collab";
    static final String BILLING_AGENT = "scoped-billing";
    static final String INSTALLER = "scoped-fastfit";
    static final String SUPER_USER = "scoped-super";
    static final String AUDITOR = "scoped-auditor";

    private record User(String name, String role, List<String> units, boolean superUser) {
    }

    private static final List<User> USERS = List.of(
            new User(SERVICE_AGENT, "AGENT", List.of("CUSTOMER-SERVICE"), false),
            new User(SALES_AGENT, "AGENT", List.of("SALES"), false),
            new User(COLLABORATING_AGENT, "AGENT", List.of("CUSTOMER-SERVICE", "SALES"), false),
            new User(BILLING_AGENT, "AGENT", List.of("BILLING-FINANCE"), false),
            new User(INSTALLER, "AGENT", List.of("INSTALLER-FASTFIT"), false),
            new User(SUPER_USER, "ADMIN", List.of("SYSADMIN"), true),
            new User(AUDITOR, "AUDITOR", List.of("BACK-OFFICE"), false));

    private ScopedUsers() {
    }

    static void register(DynamicPropertyRegistry registry) {
        for (int i = 0; i < USERS.size(); i++) {
            var user = USERS.get(i);
            String prefix = "ledger.security.users[" + i + "].";
            registry.add(prefix + "name", user::name);
            registry.add(prefix + "password", () -> "{noop}demo");
            registry.add(prefix + "roles[0]", user::role);
            registry.add(prefix + "super-user", user::superUser);
            for (int u = 0; u < user.units().size(); u++) {
                String unit = user.units().get(u);
                registry.add(prefix + "units[" + u + "]", () -> unit);
            }
        }
    }
}
