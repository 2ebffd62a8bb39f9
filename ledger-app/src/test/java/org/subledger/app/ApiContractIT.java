package org.subledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.error.ErrorCode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The OpenAPI document is the clients' contract: every operation is described for people (a summary, a tag that is
 * not a class name), with the problems it can answer and, for commands, the {@code Idempotency-Key} header; and the
 * live document equals the checked-in {@code docs/openapi.json}, so a change to the contract is a deliberate one.
 * Regenerate the copy with {@code -Dopenapi.update=true} (see the failure message).
 */
class ApiContractIT extends LedgerIT {

    static final String UPDATE_PROPERTY = "openapi.update";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final Set<String> COMMANDS = Set.of("post", "put", "patch", "delete");

    private JsonNode document;

    @BeforeEach
    void document() {
        var response = api.apiDocs("reporter");
        assertThat(response.status()).isEqualTo(200);
        document = response.json();
    }

    @Test
    void everyOperationHasASummaryAndATagNamedForPeople() {
        List<String> missing = new ArrayList<>();
        operations((path, method, operation) -> {
            if (operation.path("summary").asText("").isBlank()) {
                missing.add(method + " " + path + ": no summary (@Operation(summary = …))");
            }
            JsonNode tags = operation.path("tags");
            if (tags.size() != 1 || tags.get(0).asText().endsWith("-controller")
                    || !Character.isUpperCase(tags.get(0).asText().charAt(0))) {
                missing.add(method + " " + path + ": tags " + tags);
            }
        });
        assertThat(missing).as("operations not described for people").isEmpty();
        assertThat(tagOf("/api/accounts/{accountId}", "get")).isEqualTo("Accounts");
        assertThat(tagOf("/api/accounts/{accountId}/charges", "post")).isEqualTo("Accounts");
        assertThat(tagOf("/api/bills/{billId}", "get")).isEqualTo("Bills");
        assertThat(tagOf("/api/subscriptions/{subscriptionId}", "get")).isEqualTo("Subscriptions");
    }

    @Test
    void everyOperationDocumentsTheProblemsItCanAnswer() {
        List<String> missing = new ArrayList<>();
        operations((path, method, operation) -> {
            List<String> expected = new ArrayList<>(List.of("400", "401", "403", "429", "503"));
            if (path.contains("{")) {
                expected.add("404");
            }
            if (COMMANDS.contains(method)) {
                expected.addAll(List.of("409", "422"));
            }
            for (String status : expected) {
                String ref = operation.path("responses").path(status).path("$ref").asText("");
                if (!ref.startsWith("#/components/responses/")) {
                    missing.add(method + " " + path + ": no problem answer " + status);
                }
            }
        });
        assertThat(missing).isEmpty();

        JsonNode notFound = document.at("/components/responses/NotFound/content/application~1problem+json/schema");
        assertThat(notFound.at("/allOf/0/$ref").asText()).isEqualTo("#/components/schemas/Problem");
        assertThat(texts(notFound.at("/allOf/1/properties/code/enum")))
                .contains("ACCOUNT_NOT_FOUND", "BILL_NOT_FOUND", "SUBSCRIPTION_NOT_FOUND").doesNotContain(
                        "VALIDATION_FAILED");
        assertThat(texts(document.at("/components/schemas/Problem/properties/code/enum")))
                .containsExactlyElementsOf(Arrays.stream(ErrorCode.values()).map(Enum::name).toList());
    }

    @Test
    void everyCommandDocumentsTheIdempotencyKey() {
        List<String> missing = new ArrayList<>();
        operations((path, method, operation) -> {
            boolean secrets = path.endsWith("/customer-login") || path.startsWith("/api/customer-login/");
            if (COMMANDS.contains(method) && !secrets) {
                boolean documented = false;
                for (JsonNode parameter : operation.path("parameters")) {
                    documented |= parameter.path("$ref").asText().equals("#/components/parameters/IdempotencyKey");
                }
                if (!documented) {
                    missing.add(method + " " + path);
                }
            }
        });
        assertThat(missing).as("commands without Idempotency-Key").isEmpty();
        assertThat(document.at("/components/parameters/IdempotencyKey/name").asText()).isEqualTo("Idempotency-Key");
        assertThat(document.at("/components/parameters/IdempotencyKey/in").asText()).isEqualTo("header");
    }

    @Test
    void anAmountIsADecimalStringWithAnIsoCurrencyCode() {
        JsonNode money = document.at("/components/schemas/Money/properties");
        assertThat(money.at("/amount/type").asText()).isEqualTo("string");
        assertThat(money.at("/currency/type").asText()).isEqualTo("string");
        assertThat(money.at("/currency/pattern").asText()).isEqualTo("^[A-Z]{3}$");
        assertThat(document.toString()).as("java.util.Currency's getters shown as a schema")
                .doesNotContain("currencyCode\":{").doesNotContain("numericCodeAsString");
    }

    @Test
    void theLiveDocumentIsTheCheckedInOne() throws IOException {
        Path copy = repositoryRoot().resolve("docs").resolve("openapi.json");
        String live = normalised(document);
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            Files.writeString(copy, live, StandardCharsets.UTF_8);
        }
        if (!Files.exists(copy)) {
            fail(copy + " is missing. " + howToRegenerate());
        }
        String checkedIn = normalised(JSON.readTree(Files.readString(copy, StandardCharsets.UTF_8)));
        if (!checkedIn.equals(live)) {
            fail("The API contract changed: the live OpenAPI document differs from " + copy + " (first difference "
                    + firstDifference(checkedIn, live) + "). If the change is meant, " + howToRegenerate());
        }
    }

    private static String howToRegenerate() {
        return "Regenerate it and commit it with the change: ./mvnw -B -o -pl ledger-app -am verify "
                + "-Dit.test=ApiContractIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false "
                + "-D" + UPDATE_PROPERTY + "=true";
    }

    /** Sorted keys, and without the server's URL (a random port in tests, the host in production). */
    static String normalised(JsonNode document) throws IOException {
        ObjectNode copy = document.deepCopy();
        copy.remove("servers");
        Object sorted = JSON.treeToValue(copy, Object.class);
        return JSON.writeValueAsString(sorted) + "\n";
    }

    private static String firstDifference(String expected, String actual) {
        String[] a = expected.split("\n");
        String[] b = actual.split("\n");
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (!a[i].equals(b[i])) {
                return "at line " + (i + 1) + ": checked in `" + a[i].strip() + "`, live `" + b[i].strip() + "`";
            }
        }
        return "in length: " + a.length + " lines checked in, " + b.length + " live";
    }

    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("not inside the repository: " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    private String tagOf(String path, String method) {
        return document.path("paths").path(path).path(method).path("tags").path(0).asText();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private interface OperationVisitor {
        void visit(String path, String method, JsonNode operation);
    }

    private void operations(OperationVisitor visitor) {
        Map<String, JsonNode> paths = new TreeMap<>();
        document.path("paths").fields().forEachRemaining(entry -> paths.put(entry.getKey(), entry.getValue()));
        assertThat(paths).as("paths in the document").hasSizeGreaterThan(50);
        paths.forEach((path, item) -> {
            Iterator<Map.Entry<String, JsonNode>> methods = item.fields();
            methods.forEachRemaining(method -> visitor.visit(path, method.getKey(), method.getValue()));
        });
    }
}
