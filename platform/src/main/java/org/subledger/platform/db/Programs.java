package org.subledger.platform.db;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs PostgreSQL's command-line programs and the helpers around them, with their output kept for the error. */
final class Programs {

    static final File DEV_NULL = new File("/dev/null");

    private static final Path SETSID = List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid")).stream()
            .filter(Files::isExecutable).findFirst().orElse(null);

    private Programs() {
    }

    /**
     * The command run in a session of its own (through {@code setsid}, which execs it under the same pid), so that
     * Ctrl-C in the ledger's terminal, which signals the whole foreground process group, reaches the JVM only: the
     * JVM then stops its work first and the database last, instead of PostgreSQL shutting down under running event
     * processors. Unchanged where there is no {@code setsid}.
     */
    static List<String> inOwnSession(List<String> command) {
        if (SETSID == null) {
            return command;
        }
        var detached = new ArrayList<String>(command.size() + 1);
        detached.add(SETSID.toString());
        detached.addAll(command);
        return detached;
    }

    /**
     * Runs a program to its end. The output goes to a file, not a pipe: a server started by a program would inherit
     * the pipe and keep it open, and reading it to its end would then never finish.
     */
    static String run(Duration timeout, String input, List<String> command) {
        Path output = null;
        try {
            output = Files.createTempFile("ledger-pg", ".out");
            var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            if (input == null) {
                builder.redirectInput(DEV_NULL);
            }
            var process = builder.start();
            if (input != null) {
                // through a pipe: the input may hold a password, which never touches the disk this way
                try (var stdin = process.getOutputStream()) {
                    stdin.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(describe(command) + " did not finish within " + timeout);
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(describe(command) + " failed (exit " + process.exitValue() + "): "
                        + text.strip());
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + describe(command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + describe(command), e);
        } finally {
            deleteQuietly(output);
        }
    }

    private static String describe(List<String> command) {
        return Path.of(command.get(0)).getFileName() + " " + String.join(" ", command.subList(1, command.size()));
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file: the system's cleaning removes it later
            }
        }
    }
}
