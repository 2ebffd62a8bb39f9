package org.subledger.platform.web.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.Paths;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * springdoc names an operation after its Java method and numbers repeats ({@code list_1}, {@code list_2}) in the
 * order it found the controllers, which differs between class paths: the checked-in document would then change
 * with nothing changed. A repeated name gets its tag instead ({@code listAttention}), then the fixed words of its path
 * if still repeated ({@code eventsAuditAccountsEvents}).
 */
final class OperationIds {

    private OperationIds() {
    }

    static void makeStable(Paths paths) {
        record Located(String path, Operation operation) {
        }
        List<Located> all = new ArrayList<>();
        paths.forEach((path, item) -> item.readOperations().forEach(operation ->
                all.add(new Located(path, operation))));
        Map<String, List<Located>> byName = all.stream().collect(Collectors.groupingBy(
                located -> baseName(located.operation().getOperationId()), TreeMap::new, Collectors.toList()));
        byName.forEach((name, operations) -> {
            if (operations.size() == 1) {
                operations.get(0).operation().setOperationId(name);
                return;
            }
            Map<String, List<Located>> byTag = operations.stream().collect(Collectors.groupingBy(
                    located -> name + words(located.operation().getTags().get(0)), TreeMap::new,
                    Collectors.toList()));
            byTag.forEach((tagged, same) -> same.forEach(located -> located.operation().setOperationId(
                    same.size() == 1 ? tagged : name + words(fixedSegments(located.path())))));
        });
    }

    /** "/api/audit/accounts/{accountId}/events" → "audit accounts events". */
    private static String fixedSegments(String path) {
        return Arrays.stream(path.split("/"))
                .filter(segment -> !segment.isEmpty() && !segment.equals("api") && !segment.startsWith("{"))
                .collect(Collectors.joining(" "));
    }

    private static String baseName(String operationId) {
        return operationId == null ? "operation" : operationId.replaceFirst("_[0-9]+$", "");
    }

    /** "Bill runs" → "BillRuns", "audit accounts events" → "AuditAccountsEvents". */
    private static String words(String text) {
        var out = new StringBuilder();
        for (String word : text.split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1).toLowerCase());
            }
        }
        return out.toString();
    }
}
