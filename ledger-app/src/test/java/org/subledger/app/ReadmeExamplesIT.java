package org.subledger.app;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's examples, pasted in order into one shell on a fresh ledger, work: every {@code ```bash} block is run
 * as written (with {@code bash} and {@code curl}), only the host changed, and every request must be answered with
 * success, except the refusals the README shows on purpose. A ledger of its own (not the shared test context): the
 * examples create fixed names ({@code maria}, {@code SALES-NORTH}, {@code SN-0001}) and move the test clock.
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ledger.clock.adjustable=true")
class ReadmeExamplesIT {

    /** Lines that start these are not run here, with the reason. */
    static final Map<String, String> NOT_RUN = Map.of(
            "./mvnw", "builds and starts a ledger: this test is that ledger",
            "java -jar", "starts another ledger (or verifies a stopped one's data directory)",
            "PGPASSFILE=", "needs psql and the default data directory",
            "cut -d:", "reads the default data directory",
            "export LEDGER_", "configures the docker compose topology",
            "docker compose", "starts the docker compose topology",
            "curl -u admin:admin-secret", "the docker compose topology's administrator");

    /** Answers the README shows on purpose: a fragment of the request, and the status and code it answers. */
    static final Map<String, String> REFUSALS_SHOWN = Map.of(
            "asOf=2000-01-01T00:00:00Z", "404 ACCOUNT_NOT_YET_OPENED");

    private static final Path DATA_DIR = Path.of("target", "it-postgres", "readme-" + UUID.randomUUID());

    @DynamicPropertySource
    static void embeddedPostgres(DynamicPropertyRegistry registry) {
        registry.add("ledger.embedded-postgres.data-dir", DATA_DIR::toString);
        registry.add("ledger.embedded-postgres.port", () -> 0);
    }

    @LocalServerPort
    int port;

    @Test
    void theReadmesExamplesRunAsWrittenOnAFreshLedger() throws Exception {
        Path work = Files.createDirectories(DATA_DIR.resolveSibling(DATA_DIR.getFileName() + "-shell"));
        Path log = work.resolve("requests.log");
        Path script = work.resolve("readme.sh");
        List<String> examples = examples(Files.readString(ApiContractIT.repositoryRoot().resolve("README.md")));
        assertThat(examples).as("README examples").hasSizeGreaterThan(40);
        Files.writeString(script, prelude(log) + String.join("\n", examples) + "\n", StandardCharsets.UTF_8);

        Process shell = new ProcessBuilder("bash", script.toAbsolutePath().toString()).directory(work.toFile())
                .redirectErrorStream(true).redirectOutput(work.resolve("output.txt").toFile()).start();
        boolean finished = shell.waitFor(8, TimeUnit.MINUTES);
        String output = Files.readString(work.resolve("output.txt"));
        if (!finished) {
            shell.destroyForcibly();
        }
        assertThat(finished).as("the examples finished; output so far:\n" + output).isTrue();
        assertThat(shell.exitValue()).as("the examples' shell exit status; output:\n" + output).isZero();

        List<String> requests = Files.readAllLines(log);
        assertThat(requests).as("requests made").hasSizeGreaterThan(40);
        List<String> failed = new ArrayList<>();
        for (String request : requests) {
            String[] parts = request.split("\t", 3); // status, code, the curl arguments
            String shown = REFUSALS_SHOWN.entrySet().stream().filter(refusal -> parts[2].contains(refusal.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            int status = Integer.parseInt(parts[0]);
            boolean expected = shown != null ? shown.equals(parts[0] + " " + parts[1]) : status >= 200 && status < 300;
            if (!expected) {
                failed.add(request + (shown != null ? " (the README shows " + shown + ")" : ""));
            }
        }
        assertThat(failed).as("README examples that did not answer as shown; output:\n" + output).isEmpty();
        assertThat(work.resolve("bill.pdf")).as("the bill as a PDF").isNotEmptyFile();
    }

    /**
     * The commands of every {@code ```bash} block in order, without the lines of {@link #NOT_RUN}, aimed at this
     * ledger.
     */
    List<String> examples(String readme) {
        List<String> lines = new ArrayList<>();
        boolean inBash = false;
        for (String line : readme.split("\n")) {
            if (line.startsWith("```")) {
                inBash = !inBash && line.equals("```bash");
                continue;
            }
            if (inBash && NOT_RUN.keySet().stream().noneMatch(line.strip()::startsWith)) {
                lines.add(line.replace("http://localhost:8080", "http://localhost:" + port));
            }
        }
        return lines;
    }

    /**
     * A {@code curl} that is the real one, but records each answer's status and problem code, and asks a {@code GET}
     * again while it answers 404 for at most 30 s: the read models follow the commands a moment later, as the README
     * says, and a newcomer would ask again too.
     */
    private static String prelude(Path log) throws IOException {
        return """
                set -eu
                LEDGER_LOG='%s'
                curl() {
                  local headers body status code reading=yes attempt args="$*"
                  headers=$(mktemp); body=$(mktemp)
                  for arg in "$@"; do case "$arg" in -d|-X|--data*) reading=no;; esac; done
                  # a quote is a question put with POST, answered from the catalog's read model
                  case "$args" in *"/api/pricing/"*) reading=yes;; esac
                  for attempt in $(seq 1 150); do
                    command curl -D "$headers" "$@" > "$body" || true
                    status=$(grep -a '^HTTP/' "$headers" | tail -1 | cut -d' ' -f2)
                    if [ "$reading" = yes ] && [ "$status" = 404 ] && ! grep -q NOT_YET_OPENED "$body"; then
                      sleep 0.2; continue
                    fi
                    break
                  done
                  code=$(grep -ao '"code":"[A-Z_]*"' "$body" | head -1 | cut -d'"' -f4 || true)
                  printf '%%s\\t%%s\\t%%s\\n' "${status:-000}" "${code:-}" "${args//$'\\n'/ }" >> "$LEDGER_LOG"
                  cat "$body"; rm -f "$headers" "$body"
                }
                """.formatted(log.toAbsolutePath());
    }
}
