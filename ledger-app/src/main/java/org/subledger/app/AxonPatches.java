package org.subledger.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says at start whether the ledger's patched Axon classes are the ones loaded (see the headers of
 * org.axonframework.eventhandling.pooled.WorkPackage and org.axonframework.common.DateTimeUtils in this module).
 * Without the patches the ledger works the same, only with an event processor coordinator that walks every work
 * package's queue for each event, and event timestamps parsed by a DateTimeFormatter; a warning, not a refusal to
 * start, is therefore enough. {@code main} prints the same answers for FatJarAxonPatchIT, which runs it inside the
 * repackaged jar.
 */
@Component
public final class AxonPatches {

    static final String WORK_PACKAGE = "org.axonframework.eventhandling.pooled.WorkPackage";
    static final String PATCH_FIELD = "queuedEntries";
    static final String DATE_TIME_UTILS = "org.axonframework.common.DateTimeUtils";

    private static final Logger log = LoggerFactory.getLogger(AxonPatches.class);

    /** Whether the loaded WorkPackage counts its queue (constant-time capacity check), and where it came from. */
    static String workPackageReport() {
        return report(WORK_PACKAGE, "WorkPackage", PATCH_FIELD);
    }

    /** Whether the loaded DateTimeUtils is the ledger's (event timestamps without a formatter), and from where. */
    static String dateTimeUtilsReport() {
        return report(DATE_TIME_UTILS, "DateTimeUtils", "LEDGER_PATCH");
    }

    /** "patched" when the loaded class has the ledger's marker field, "unpatched" otherwise, and where it came from. */
    private static String report(String className, String name, String markerField) {
        try {
            Class<?> loaded = Class.forName(className);
            boolean patched = java.util.Arrays.stream(loaded.getDeclaredFields())
                    .anyMatch(field -> field.getName().equals(markerField));
            var source = loaded.getProtectionDomain().getCodeSource();
            return (patched ? "patched " : "unpatched ") + name + " from "
                    + (source == null ? "?" : source.getLocation());
        } catch (ClassNotFoundException e) {
            return "no " + name;
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        String report = workPackageReport();
        if (report.startsWith("patched")) {
            log.info("Axon event processors: {} (constant-time capacity check)", report);
        } else {
            log.warn("Axon event processors: {}; the coordinator walks each work package's queue for every event",
                    report);
        }
        String timestamps = dateTimeUtilsReport();
        if (timestamps.startsWith("patched")) {
            log.info("Axon event timestamps: {} (written and read without a formatter)", timestamps);
        } else {
            log.warn("Axon event timestamps: {}; each is parsed by a DateTimeFormatter", timestamps);
        }
    }

    public static void main(String[] args) {
        System.out.println(workPackageReport());
        System.out.println(dateTimeUtilsReport());
    }
}
