package org.subledger.command.organisation;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.subledger.kernel.organisation.CreateUnit;
import org.subledger.kernel.organisation.CreateUser;
import org.subledger.kernel.organisation.StartCollaboration;
import org.subledger.kernel.organisation.UnitKind;

import java.util.List;
import java.util.Set;

/**
 * The demo operator's organisation (AluxSat's departments, two installer companies, a retailer) and the demo users,
 * all with password {@code demo}, set up through commands at start-up when demo users are on (by default with the
 * embedded database only; {@code ledger.security.demo-users}). Ids are the codes and user names, and creating the
 * same unit or user again records nothing, so every start after the first records nothing either.
 */
@Component
class DemoOrganisation {

    private static final Logger log = LoggerFactory.getLogger(DemoOrganisation.class);

    record DemoUnit(String code, String name, UnitKind kind, String parent) {
    }

    record DemoUser(String userName, String displayName, Set<String> roles, List<String> units, boolean superUser) {
    }

    static final List<DemoUnit> UNITS = List.of(
            new DemoUnit("ALUXSAT", "AluxSat", UnitKind.DEPARTMENT, null),
            new DemoUnit("SALES", "Sales", UnitKind.DEPARTMENT, "ALUXSAT"),
            new DemoUnit("CUSTOMER-SERVICE", "Customer Service", UnitKind.DEPARTMENT, "ALUXSAT"),
            new DemoUnit("INVENTORY-WAREHOUSE", "Inventory and Warehouse", UnitKind.DEPARTMENT, "ALUXSAT"),
            new DemoUnit("BILLING-FINANCE", "Billing & Finance", UnitKind.DEPARTMENT, "ALUXSAT"),
            new DemoUnit("MARKETING", "Marketing", UnitKind.DEPARTMENT, "ALUXSAT"),
            new DemoUnit("TECH-SUPPORT", "Technical Support and Repairs", UnitKind.DEPARTMENT, "ALUXSAT"),
            new DemoUnit("SYSADMIN", "System Administrators", UnitKind.DEPARTMENT, "ALUXSAT"),
            new DemoUnit("BACK-OFFICE", "Back Office", UnitKind.DEPARTMENT, "ALUXSAT"),
            // approves Customer Service's goodwill discounts (D2); not under CUSTOMER-SERVICE, whose agents would
            // otherwise hold it in their scope and approve their own discounts
            new DemoUnit("CUSTOMER-CARE-MANAGERS", "Customer Care Managers", UnitKind.DEPARTMENT, "ALUXSAT"),
            new DemoUnit("INSTALLER-FASTFIT", "FastFit Installations", UnitKind.THIRD_PARTY, null),
            new DemoUnit("INSTALLER-SKYMOUNT", "SkyMount Installers", UnitKind.THIRD_PARTY, null),
            new DemoUnit("RETAILER-TELEPOINT", "TelePoint Retail", UnitKind.THIRD_PARTY, null));

    /** Billing sees the customers it bills; the care managers the subscriptions whose discounts they approve. */
    static final List<List<String>> COLLABORATIONS = List.of(
            List.of("BILLING-FINANCE", "SALES"), List.of("BILLING-FINANCE", "CUSTOMER-SERVICE"),
            List.of("CUSTOMER-CARE-MANAGERS", "CUSTOMER-SERVICE"));

    static final List<DemoUser> USERS = List.of(
            new DemoUser("agent", "Demo Agent", Set.of("AGENT"), List.of("CUSTOMER-SERVICE"), false),
            new DemoUser("supervisor", "Demo Supervisor", Set.of("SUPERVISOR"), List.of("CUSTOMER-SERVICE"), false),
            new DemoUser("caremanager", "Demo Customer Care Manager", Set.of("SUPERVISOR"),
                    List.of("CUSTOMER-CARE-MANAGERS"), false),
            new DemoUser("billing", "Demo Billing Clerk", Set.of("BILLING"), List.of("BILLING-FINANCE"), false),
            new DemoUser("admin", "Demo Administrator", Set.of("ADMIN"), List.of("SYSADMIN"), true),
            new DemoUser("auditor", "Demo Auditor", Set.of("AUDITOR"), List.of("BACK-OFFICE"), false),
            new DemoUser("reporter", "Demo Reporter", Set.of("REPORTER"), List.of("BACK-OFFICE"), false),
            new DemoUser("sales", "Demo Sales Agent", Set.of("AGENT"), List.of("SALES"), false),
            new DemoUser("installer", "Demo FastFit Installer", Set.of("AGENT"), List.of("INSTALLER-FASTFIT"),
                    false));

    private final CommandGateway commands;
    private final Environment environment;

    DemoOrganisation(CommandGateway commands, Environment environment) {
        this.commands = commands;
        this.environment = environment;
    }

    // before the ledger's ready line (the last ready listener): a newcomer who sees it can sign in as a demo user
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE - 100)
    void load() {
        boolean embedded = !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
        boolean demo = environment.getProperty("ledger.security.demo-users", Boolean.class, embedded);
        if (!demo) {
            return;
        }
        if (!embedded) {
            log.warn("Demo users are enabled on an external database (ledger.security.demo-users=true)");
        }
        for (var unit : UNITS) {
            send(new CreateUnit(unit.code(), unit.name(), unit.kind(), unit.parent()));
        }
        for (var pair : COLLABORATIONS) {
            send(new StartCollaboration(pair.get(0), pair.get(1)));
        }
        // the demo password is public by design; one hash serves every demo user, so start-up pays one bcrypt
        String hash = "{bcrypt}" + new BCryptPasswordEncoder().encode("demo");
        for (var user : USERS) {
            send(new CreateUser(user.userName(), user.displayName(), user.roles(), user.units(), user.superUser(),
                    hash));
        }
    }

    /**
     * Two nodes starting on one database both set the demo up: the second one's create of a unit or user the first
     * has just recorded loses on the event store's uniqueness, and the unit or user is there all the same.
     */
    private void send(Object command) {
        try {
            commands.sendAndWait(command);
        } catch (RuntimeException lost) {
            log.info("Demo organisation: {} not applied ({})", command.getClass().getSimpleName(),
                    lost.getClass().getSimpleName());
        }
    }
}
