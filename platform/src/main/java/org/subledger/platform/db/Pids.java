package org.subledger.platform.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a process is still running. A zombie counts as gone: an orphaned postmaster killed with {@code -9} stays a
 * zombie for as long as the machine's init leaves it unreaped, yet it serves nothing any more.
 */
public final class Pids {

    private Pids() {
    }

    public static boolean alive(long pid) {
        if (pid <= 0 || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) == Boolean.FALSE) {
            return false;
        }
        var stat = Path.of("/proc", Long.toString(pid), "stat");
        try {
            String text = Files.readString(stat);
            // "pid (command) state ...": the command may hold spaces and parentheses, the state follows the last ')'
            char state = text.charAt(text.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException | RuntimeException e) {
            return !Files.isDirectory(Path.of("/proc")) && ProcessHandle.of(pid).isPresent();
        }
    }

    /** The program a process runs, when the system tells. */
    static String command(long pid) {
        return ProcessHandle.of(pid).flatMap(handle -> handle.info().command()).orElse("");
    }
}
