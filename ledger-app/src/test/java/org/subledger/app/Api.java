package org.subledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/** A plain HTTP client for the ledger's API, as an external client would use it. */
final class Api {

    static final String CORRELATION_ID = "X-Correlation-Id";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    Api(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    /**
     * An answer, with the correlation id its request was sent under: every event a request causes, directly or
     * through sagas, carries that id as its client reference, which is how a test proves that a refused request recorded nothing.
     */
    record Response(int status, Map<String, java.util.List<String>> headers, String body, String correlationId) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    Response get(String user, String path) {
        return send(user, "GET", path, null, Map.of());
    }

    /**
     * The OpenAPI document: springdoc builds it on the first request, which took 31 s on a machine busy with other
     * builds, longer than a request's usual 30 s.
     */
    Response apiDocs(String user) {
        return send(user, "GET", "/v3/api-docs", null, Map.of(), Duration.ofMinutes(3));
    }

    Response post(String user, String path, String json) {
        return send(user, "POST", path, json, Map.of());
    }

    Response post(String user, String path, String json, Map<String, String> headers) {
        return send(user, "POST", path, json, headers);
    }

    Response put(String user, String path, String json) {
        return send(user, "PUT", path, json, Map.of());
    }

    Response send(String user, String method, String path, String json, Map<String, String> headers) {
        return send(user, method, path, json, headers, Duration.ofSeconds(30));
    }

    Response send(String user, String method, String path, String json, Map<String, String> headers,
                  Duration timeout) {
        var builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        if (user != null) {
            builder.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        String correlationId = headers.getOrDefault(CORRELATION_ID, UUID.randomUUID().toString());
        builder.header(CORRELATION_ID, correlationId);
        headers.forEach((name, value) -> {
            if (!name.equals(CORRELATION_ID)) {
                builder.setHeader(name, value); // replaces the JSON content type when a test sends another
            }
        });
        try {
            var response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().map(), response.body(), correlationId);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Opens a person's EUR account and returns its id. */
    String openAccount(String firstName, String lastName, String creditLimit) {
        var response = post("agent", "/api/accounts", """
                {"type":"PERSON","firstName":"%s","lastName":"%s","currency":"EUR","creditLimit":%s}"""
                .formatted(firstName, lastName, creditLimit));
        if (response.status() != 201) {
            throw new IllegalStateException("open failed: " + response);
        }
        return response.json().get("accountId").asText();
    }
}
