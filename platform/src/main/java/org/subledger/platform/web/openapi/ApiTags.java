package org.subledger.platform.web.openapi;

import java.util.Locale;
import java.util.Map;

/**
 * The tag of an operation, named for the people reading the document ({@code Accounts}, {@code Bill runs}), decided
 * by its path in this one place: commands and queries on the same resource live in different modules and
 * controllers, but a reader looks for the resource. A path not named here is tagged by its first segment
 * ({@code /api/wallets/…} → {@code Wallets}), so a new resource is tagged without anyone remembering to.
 */
final class ApiTags {

    /** Path prefixes whose tag is not their first segment's, longest first where they overlap. */
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("/api/admin/clock", "Test clock"),
            Map.entry("/api/admin/dead-letters", "Dead letters"),
            Map.entry("/api/api-keys", "API keys"),
            Map.entry("/api/audit", "Audit"),
            Map.entry("/api/customer-login", "Customer logins"),
            Map.entry("/api/installed-items", "Subscriptions"),
            Map.entry("/api/me", "Users"),
            Map.entry("/api/organisation/users", "Users"),
            Map.entry("/api/organisation/units", "Organisational units"),
            Map.entry("/api/reports", "Reports"),
            Map.entry("/api/usage", "Usage"));

    private ApiTags() {
    }

    static String of(String path) {
        if (path.endsWith("/customer-login")) {
            return "Customer logins";
        }
        String named = NAMED.entrySet().stream()
                .filter(entry -> path.equals(entry.getKey()) || path.startsWith(entry.getKey() + "/"))
                .max(java.util.Comparator.comparingInt(entry -> entry.getKey().length()))
                .map(Map.Entry::getValue).orElse(null);
        if (named != null) {
            return named;
        }
        String[] segments = path.split("/");
        String resource = segments.length > 2 && segments[1].equals("api") ? segments[2] : segments[1];
        String words = resource.replace('-', ' ');
        return words.isEmpty() ? "Other" : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }
}
