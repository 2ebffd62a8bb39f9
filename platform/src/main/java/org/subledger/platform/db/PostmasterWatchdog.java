package org.subledger.platform.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A tiny shell process that outlives the JVM: when the JVM is gone (killed with {@code -9}, out of memory) while its
 * PostgreSQL still runs, it asks that server for a fast shutdown (SIGINT). It ends by itself when the server ends
 * first, so each server started has its own, and it names the server by pid, never by data directory: a ledger
 * started again on the same directory a moment later is never stopped by its predecessor's watchdog.
 */
final class PostmasterWatchdog {

    // a zombie counts as gone: its pid answers kill -0 although the process has ended; without /proc, kill -0
    private static final String SCRIPT = """
            alive() { if [ ! -d /proc/$$ ]; then kill -0 "$1" 2>/dev/null; return; fi; \
            s=$(sed -n 's/.*) \\(.\\).*/\\1/p' "/proc/$1/stat" 2>/dev/null); \
            [ -n "$s" ] && [ "$s" != Z ] && [ "$s" != X ]; }
            while alive "$1" && alive "$2"; do sleep 1; done
            alive "$1" || kill -INT "$2" 2>/dev/null
            """;

    private PostmasterWatchdog() {
    }

    static Process start(long postmasterPid) {
        long jvm = ProcessHandle.current().pid();
        try {
            return new ProcessBuilder(Programs.inOwnSession(List.of("/bin/sh", "-c", SCRIPT,
                    "ledger-postgres-watchdog", Long.toString(jvm), Long.toString(postmasterPid))))
                    .redirectInput(Programs.DEV_NULL)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the watchdog that stops PostgreSQL with the JVM", e);
        }
    }
}
