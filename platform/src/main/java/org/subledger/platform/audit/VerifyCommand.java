package org.subledger.platform.audit;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Configuration;
import org.subledger.platform.db.EmbeddedPostgresAutoConfiguration;

import javax.sql.DataSource;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.regex.Pattern;

/**
 * {@code java -jar ledger-app.jar verify --digest=<position>:<hash>}: verifies the chain against a kept digest
 * straight on the database, with no web server, event processor or chainer: only a data source (the embedded
 * PostgreSQL of the data directory, which must then not be in use by a running ledger, or
 * {@code --spring.datasource.url=…} with any role that may read the event table, e.g. {@code reporting}).
 * Exit status 0 when intact, 1 when not, 2 when the digest given is malformed.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({EmbeddedPostgresAutoConfiguration.class, DataSourceAutoConfiguration.class})
public class VerifyCommand {

    public static final String NAME = "verify";
    private static final Pattern DIGEST = Pattern.compile("(\\d{1,18}):([0-9a-fA-F]{64})");

    public static int run(String[] args, PrintStream out) {
        String digest = null;
        for (String arg : args) {
            if (arg.startsWith("--digest=")) {
                digest = arg.substring("--digest=".length()).strip();
            }
        }
        var matched = digest == null ? null : DIGEST.matcher(digest);
        if (matched == null || !matched.matches()) {
            out.println("usage: java -jar ledger-app.jar verify --digest=<position>:<64 hex digits>"
                    + " [--spring.datasource.url=… --spring.datasource.username=… --spring.datasource.password=…]");
            return 2;
        }
        var application = new SpringApplicationBuilder(VerifyCommand.class).web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF).logStartupInfo(false).build();
        try (var context = application.run(args)) {
            var threads = ManagementFactory.getThreadMXBean();
            long cpuBefore = threads.getCurrentThreadCpuTime();
            var verification = new ChainVerifier(context.getBean(DataSource.class))
                    .verify(Long.parseLong(matched.group(1)), matched.group(2));
            long cpuMillis = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1_000_000;
            out.println(verification.summary());
            for (var finding : verification.findings()) {
                out.println("  " + finding.kind() + " position=" + finding.position() + " globalIndex="
                        + finding.globalIndex() + " event=" + finding.eventIdentifier() + ": " + finding.detail());
            }
            // the CPU the pass took in this JVM (reading and hashing; PostgreSQL's share is its own): on a shared
            // machine the elapsed time says more about the neighbours than about the verification
            out.println(verification.eventsRead() + " events in " + verification.millis() + " ms (" + cpuMillis
                    + " ms of CPU in the verifying thread)");
            return verification.intact() ? 0 : 1;
        }
    }
}
