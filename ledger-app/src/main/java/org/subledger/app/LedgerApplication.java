package org.subledger.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.FilterType;
import org.subledger.command.CommandSideApplication;
import org.subledger.platform.audit.VerifyCommand;
import org.subledger.query.QuerySideApplication;

import java.util.Arrays;

/**
 * The whole ledger in one process: command side, projections and query side on one PostgreSQL (embedded unless
 * {@code spring.datasource.url} is set).
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@ComponentScan(
        basePackages = {"org.subledger.app", "org.subledger.command", "org.subledger.projection", "org.subledger.query"},
        excludeFilters = {
                @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
                @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
                // the standalone nodes' entry points would scan again what is scanned here
                @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE,
                        classes = {CommandSideApplication.class, QuerySideApplication.class})})
public class LedgerApplication {

    /**
     * {@code verify --digest=<position>:<hash>} verifies the hash chain and exits; {@code check-projections
     * [--projections=…]} checks the projections against the events and exits; anything else runs the ledger.
     */
    public static void main(String[] args) {
        if (args.length > 0 && VerifyCommand.NAME.equals(args[0])) {
            System.exit(VerifyCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        if (args.length > 0 && ProjectionCheckCommand.NAME.equals(args[0])) {
            System.exit(ProjectionCheckCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        SpringApplication.run(LedgerApplication.class, args);
    }
}
