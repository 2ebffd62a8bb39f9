package org.subledger.app;

import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.platform.projectioncheck.ProjectionCheckReport;
import org.subledger.platform.projectioncheck.ProjectionChecker;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * {@code java -jar ledger-app.jar check-projections [--projections=account-summary,billing-projections]}: the
 * projection check of {@code POST /api/audit/projection-checks} from the command line. The ledger starts (on a random
 * port of 127.0.0.1; its event processors run, so the live projections catch up before they are compared), checks,
 * prints the report and stops. Exit status 0 when equal, 1 when not (or inconclusive), 2 when the projections named are
 * unknown.
 */
final class ProjectionCheckCommand {

    static final String NAME = "check-projections";
    private static final String PROJECTIONS = "--projections=";

    private ProjectionCheckCommand() {
    }

    static int run(String[] args, PrintStream out) {
        List<String> names = Arrays.stream(args).filter(arg -> arg.startsWith(PROJECTIONS))
                .flatMap(arg -> Arrays.stream(arg.substring(PROJECTIONS.length()).split(",")))
                .map(String::strip).filter(name -> !name.isEmpty() && !name.equals("all")).toList();
        // the whole ledger, as its projections are made of its web, command and query beans; served on a random
        // local port no one is told of (without a servlet context the web beans cannot be made)
        var application = new SpringApplicationBuilder(LedgerApplication.class)
                .properties("server.port=0", "server.address=127.0.0.1")
                .bannerMode(Banner.Mode.OFF).logStartupInfo(false).build();
        try (var context = application.run(args)) {
            ProjectionCheckReport report = context.getBean(ProjectionChecker.class).check(names);
            out.print(report.summary());
            return report.outcome() == ProjectionCheckReport.Outcome.EQUAL ? 0 : 1;
        } catch (LedgerRefusal refused) {
            out.println(refused.getMessage() + " " + refused.fields());
            return 2;
        }
    }
}
