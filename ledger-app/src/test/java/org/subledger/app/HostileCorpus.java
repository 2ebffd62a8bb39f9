package org.subledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Hostile request bodies for an operation of the OpenAPI document: a plausible body built from the operation's schema,
 * then that body broken in every way the ledger must refuse — structurally (repeated keys, trailing content, an
 * unknown property, not JSON at all) and field by field (text too long or with NUL, control characters or a lone
 * surrogate, numbers out of range or with fractions for integers, dates out of range, wrong types). Every body it
 * yields is invalid, so an operation that accepts one has a hole.
 */
final class HostileCorpus {

    /** A hostile body and what makes it hostile. */
    record Body(String what, String json, String contentType) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MARK = "\u00a7HOSTILE\u00a7";
    private static final String HUGE_TEXT = "\"" + "x".repeat(100_000) + "\"";
    private static final List<String> TEXTS = List.of(HUGE_TEXT, "\"a\\u0000b\"", "\"a\\u0007b\"", "\"a\\ud800b\"",
            "\"\\udc00\"", "12345", "{}");
    private static final List<String> DATES = List.of("\"+999999999-12-31\"", "\"0000-01-01\"", "\"3000-01-01\"",
            "\"2026-02-30\"", "20260301");
    private static final List<String> DATE_TIMES = List.of("\"+999999999-12-31T00:00:00\"",
            "\"+999999999-12-31T00:00:00Z\"", "\"1800-01-01T00:00:00\"", "\"-999999999-01-01T00:00:00Z\"");
    private static final List<String> NUMBERS = List.of("1e400", "99999999999999999999.99", "-1", "1.123456789",
            "\"abc\"", "[]");
    /** An amount: a decimal string, or a number (so a bare 12345 is a fine amount, not a hostile one). */
    private static final List<String> DECIMALS = List.of(HUGE_TEXT, "\"abc\"", "\"1e400\"", "\"-1\"",
            "\"1.123456789\"", "99999999999999999999.99", "[]");
    private static final List<String> INTEGERS = List.of("1.5", "1e400", "99999999999999999999", "-1", "\"abc\"");
    private static final List<String> BOOLEANS = List.of("\"yes\"", "2");
    private static final List<String> ENUMS = List.of("\"NOT_A_VALUE\"", "0");
    private static final List<String> OBJECTS = List.of("\"x\"", "[]", "1e400");
    private static final List<String> ARRAYS = List.of("\"x\"", "{}", "[" + HUGE_TEXT + "]", "[\"a\\u0000b\"]");

    private final JsonNode components;

    HostileCorpus(JsonNode apiDocs) {
        this.components = apiDocs.path("components").path("schemas");
    }

    /**
     * The hostile bodies of an operation, starting from {@code base} (a valid body where the test knows one, so
     * that each mutation is the only thing wrong) or else one built from the schema.
     */
    List<Body> bodies(JsonNode schema, JsonNode base, boolean bodyRequired) {
        JsonNode plausible = base != null ? base : example(schema, 0);
        String text = plausible.toString();
        List<Body> bodies = new ArrayList<>();
        if (plausible instanceof ObjectNode object && object.size() > 0) {
            String first = object.fieldNames().next();
            bodies.add(json("repeated key " + first,
                    "{\"" + first + "\":" + object.get(first) + "," + text.substring(1)));
            ObjectNode unknown = object.deepCopy();
            unknown.put("zzUnknownProperty", 1);
            bodies.add(json("unknown property", unknown.toString()));
        }
        bodies.add(json("trailing document", text + " {}"));
        bodies.add(json("trailing garbage", text + " garbage"));
        bodies.add(json("not JSON", "amount=1&currency=EUR"));
        bodies.add(json("truncated", text.substring(0, Math.max(1, text.length() / 2))));
        bodies.add(json("an array", "[" + text + "]"));
        bodies.add(json("a string", "\"text\""));
        bodies.add(json("a huge number", "1e400"));
        bodies.add(new Body("text/plain", text, "text/plain"));
        if (bodyRequired) {
            // without a required body these would be a plain request, which may rightly record something
            bodies.add(json("empty", ""));
            bodies.add(json("null", "null"));
        }
        mutations(plausible, schema, plausible, "", bodies, 0);
        return bodies;
    }

    private void mutations(JsonNode root, JsonNode schema, JsonNode node, String path, List<Body> bodies,
                           int depth) {
        // walk the plausible body; at each field put each hostile value of the field's type, one at a time
        JsonNode resolved = resolve(schema);
        if (!(node instanceof ObjectNode object) || depth > 4) {
            return;
        }
        JsonNode properties = resolved.path("properties");
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            var field = it.next();
            // a map's entries have the schema of its additional properties
            JsonNode fieldSchema = resolve(properties.has(field.getKey()) ? properties.get(field.getKey())
                    : resolved.path("additionalProperties"));
            String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            for (String hostile : hostileValues(fieldSchema)) {
                JsonNode copy = root.deepCopy();
                bodies.add(json(fieldPath + " = " + abbreviated(hostile), replaced(copy, fieldPath, hostile)));
            }
            JsonNode value = field.getValue();
            if (value instanceof ObjectNode) {
                mutations(root, fieldSchema, value, fieldPath, bodies, depth + 1);
            } else if (value instanceof ArrayNode array && array.size() > 0 && array.get(0) instanceof ObjectNode) {
                mutations(root, resolve(fieldSchema.path("items")), array.get(0), fieldPath + "[0]", bodies,
                        depth + 1);
            }
        }
    }

    private List<String> hostileValues(JsonNode schema) {
        if (schema.has("enum")) {
            return ENUMS;
        }
        String type = schema.path("type").asText("object");
        String format = schema.path("format").asText("");
        return switch (type) {
            case "string" -> switch (format) {
                case "date" -> concat(DATES, TEXTS.subList(5, 6));
                case "date-time" -> concat(DATE_TIMES, TEXTS.subList(5, 6));
                case "decimal" -> DECIMALS;
                default -> TEXTS;
            };
            case "number" -> NUMBERS;
            case "integer" -> INTEGERS;
            case "boolean" -> BOOLEANS;
            case "array" -> ARRAYS;
            default -> OBJECTS;
        };
    }

    private static List<String> concat(List<String> a, List<String> b) {
        var all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String replaced(JsonNode root, String fieldPath, String hostile) {
        JsonNode parent = root;
        String[] steps = fieldPath.split("\\.");
        for (int i = 0; i < steps.length - 1; i++) {
            String step = steps[i];
            parent = step.endsWith("[0]") ? parent.get(step.substring(0, step.length() - 3)).get(0) : parent.get(step);
        }
        ((ObjectNode) parent).put(steps[steps.length - 1], MARK);
        return root.toString().replace("\"" + MARK + "\"", hostile);
    }

    /** A plausible value for a schema: what a client that read the document would send. */
    JsonNode example(JsonNode schema, int depth) {
        JsonNode resolved = resolve(schema);
        var factory = JsonNodeFactory.instance;
        if (resolved.has("enum")) {
            return factory.textNode(resolved.get("enum").get(0).asText());
        }
        if (resolved.has("example")) {
            return resolved.get("example"); // an amount's "240.00": "X1" would stop every body at its amount
        }
        String type = resolved.path("type").asText(resolved.has("properties") ? "object" : "string");
        return switch (type) {
            case "string" -> switch (resolved.path("format").asText("")) {
                case "date" -> factory.textNode("2026-03-01");
                case "date-time" -> factory.textNode("2026-03-01T10:00:00");
                default -> factory.textNode("X1");
            };
            case "number" -> factory.numberNode(new java.math.BigDecimal("1.00"));
            case "integer" -> factory.numberNode(1);
            case "boolean" -> factory.booleanNode(false);
            case "array" -> depth > 4 ? factory.arrayNode()
                    : factory.arrayNode().add(example(resolved.path("items"), depth + 1));
            default -> {
                ObjectNode object = factory.objectNode();
                if (depth <= 4) {
                    resolved.path("properties").fields()
                            .forEachRemaining(p -> object.set(p.getKey(), example(p.getValue(), depth + 1)));
                    if (resolved.has("additionalProperties") && resolved.get("additionalProperties").isObject()) {
                        object.set("K1", example(resolved.get("additionalProperties"), depth + 1));
                    }
                }
                yield object;
            }
        };
    }

    JsonNode resolve(JsonNode schema) {
        JsonNode at = schema;
        for (int i = 0; i < 10 && at.has("$ref"); i++) {
            String ref = at.get("$ref").asText();
            at = components.path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        if (at.has("allOf") && at.get("allOf").size() == 1) {
            return resolve(at.get("allOf").get(0));
        }
        return at;
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Body json(String what, String json) {
        return new Body(what, json, "application/json");
    }

    private static String abbreviated(String hostile) {
        return hostile.length() > 40 ? hostile.substring(0, 12) + "...(" + hostile.length() + " chars)" : hostile;
    }
}
