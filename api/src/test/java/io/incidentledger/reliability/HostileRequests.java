package io.incidentledger.reliability;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import io.incidentledger.Api;

/**
 * Generates hostile requests against every endpoint: each request is a valid one (a template)
 * with one or more things broken: the id in the path, the query, the body, the content type,
 * the Accept header, the key, the Idempotency-Key, If-Match or correlation id, or the method.
 */
final class HostileRequests {

    /** One endpoint: its method, path ({id} is the incident), a valid body (null for none), query parameters. */
    record Endpoint(String method, String path, Map<String, Object> body, Map<String, String> query) {

        boolean write() {
            return !method.equals("GET");
        }
    }

    /** One generated request; {@code write} when it is a write sent with the method its endpoint takes. */
    record Request(String method, String path, Map<String, String> headers, String contentType, String body,
                   boolean write) {

        /** Whether an accepted write stores its Idempotency-Key (the syntax WriteResolver accepts). */
        boolean storesKey() {
            var key = headers.get("Idempotency-Key");
            if (key == null) {
                return false;
            }
            if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
                key = key.substring(1, key.length() - 1);
            }
            return key.matches("[A-Za-z0-9._:+/=~-]{1,100}");
        }

        @Override
        public String toString() {
            var shown = body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "..." : body;
            return method + " " + path + " " + headers + " " + contentType + " " + shown;
        }
    }

    static final List<Object> VALUES = List.of(
            "", "   ", "\u0000", "\u0007bell", "line\nbreak", "tab\there", "\r\n\r\nHTTP/1.1 200 OK",
            "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\"><svg onload=alert(1)>",
            "'; DROP TABLE DomainEventEntry;--", "' OR '1'='1", "1; SELECT pg_sleep(10)", "%s%n%x",
            "\uD83D\uDD25\u202E\u200B\uFEFF", "\uD800", "Ω≈ç√∫˜µ≤≥÷", "x".repeat(20_000), "é".repeat(3_000),
            0, -1, 1.5, 1e308, -1e308, Long.MAX_VALUE, Long.MIN_VALUE, true, false, List.of(), List.of(1, "a"),
            Map.of(), Map.of("nested", Map.of("deeper", 1)), "SEV1", "COMMANDER", "RESOLVED",
            "1970-01-01T00:00:00Z", "2999-01-01T00:00:00Z", "2024-02-30T25:61:00Z", "../../etc/passwd", "%00",
            "null", "{{7*7}}", "${jndi:ldap://x}");

    static final List<String> PATH_IDS = List.of("..", "%2e%2e", "..%2F..%2Fetc%2Fpasswd", "%2F", "a%2Fb", "%00",
            "INC-%00", "%5C..%5C", "INC-'1", "1'%20OR%20'1'='1", "a%20b", "x".repeat(300), "%3Cscript%3E",
            "INC-DOESNOTEXIST", "-leading-dash", "_under", "%E2%80%AE", "%F0%9F%94%A5", "%C0%AF", ";jsessionid=1",
            "INC-1;x=1", "%25", "%252e%252e");

    static final List<String> ACCEPTS = List.of("application/json", "application/problem+json", "text/markdown",
            "text/csv", "text/html", "application/atom+xml", "application/xml", "text/event-stream", "*/*",
            "image/png", "garbage", "text/html;q=0.1, application/json;q=0.9");

    static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/json; charset=ISO-8859-1", "application/jsonx", "garbage",
            "application/merge-patch+json");

    static final List<String> BAD_HEADER_VALUES = List.of("", " ", "\"", "a b", "x".repeat(101), "é", "<script>",
            "W/\"1\"", "\"-1\"", "\"abc\"", "1", "\"99999999999999999999\"", "\"1\", \"2\"", "../../x", "'--");

    static List<Endpoint> endpoints() {
        var list = new ArrayList<Endpoint>();
        list.add(new Endpoint("POST", "/api/incidents", Map.of("title", "t", "severity", "SEV3", "summary", "s",
                "affectedServices", List.of("a"), "source", "OTHER"), Map.of()));
        list.add(write("/acknowledgement", Map.of("commander", "Ada")));
        list.add(write("/responders", Map.of("responder", "Bob", "role", "SCRIBE")));
        list.add(new Endpoint("DELETE", "/api/incidents/{id}/responders/Bob", null, Map.of("occurredAt", "2020-01-01T00:00:00Z")));
        list.add(write("/severity", Map.of("severity", "SEV1", "reason", "r")));
        list.add(write("/impact", Map.of("description", "d", "affectedUsersPercent", 5, "impactStartedAt",
                "2020-01-01T00:00:00Z", "components", List.of(Map.of("name", "c", "status", "MAJOR_OUTAGE")))));
        list.add(write("/notes", Map.of("note", "n")));
        list.add(write("/public-updates", Map.of("message", "<script>alert(1)</script> m", "status", "IDENTIFIED")));
        list.add(write("/containment", Map.of("mitigation", "FAILOVER", "description", "d")));
        list.add(write("/fix", Map.of("resolution", "r", "fixReference", "f")));
        list.add(write("/root-cause", Map.of("whys", List.of("w"), "rootCause", "r", "trigger", "t")));
        list.add(write("/lessons", Map.of("category", "GOT_LUCKY", "text", "t")));
        list.add(write("/action-items", Map.of("actionItemId", "A", "description", "d", "kind", "DETECT",
                "ownerTeam", "o", "dueDate", "2031-01-01")));
        list.add(write("/action-items/A/completion", Map.of()));
        list.add(write("/corrections", Map.of("sequenceNumber", 0, "reason", "r", "replacementText", "t")));
        list.add(write("/reopening", Map.of("reason", "r")));
        list.add(write("/learning", Map.of("postmortemSummary", "p")));
        list.add(read("/api/incidents", Map.of("phase", "ACKNOWLEDGED", "severity", "SEV1", "service", "a", "page", "0", "size", "5")));
        list.add(read("/api/incidents/stream", Map.of()));
        list.add(read("/api/incidents/{id}", Map.of()));
        list.add(read("/api/incidents/{id}/timeline", Map.of("asOf", "2030-01-01T00:00:00Z")));
        list.add(read("/api/incidents/{id}/postmortem", Map.of()));
        list.add(read("/api/postmortems", Map.of("service", "a", "severity", "SEV2", "status", "DRAFT", "q", "x",
                "page", "0", "size", "10")));
        list.add(read("/api/analytics/incidents", Map.of("severity", "SEV1", "service", "a", "from", "2020-01",
                "to", "2030-12", "page", "0", "size", "10")));
        list.add(read("/api/analytics/incidents/{id}", Map.of()));
        list.add(read("/api/analytics/aggregates", Map.of("groupBy", "SERVICE", "from", "2020-01", "to", "2030-12")));
        list.add(read("/status", Map.of()));
        list.add(read("/status/incidents/{id}", Map.of()));
        list.add(read("/feed.atom", Map.of()));
        list.add(read("/status/feed.atom", Map.of()));
        list.add(read("/api/public/components", Map.of()));
        list.add(read("/api/public/incidents", Map.of()));
        list.add(read("/api/public/incidents/{id}", Map.of()));
        list.add(read("/actuator/health", Map.of()));
        list.add(read("/actuator/prometheus", Map.of()));
        list.add(read("/v3/api-docs", Map.of()));
        list.add(read("/board", Map.of()));
        list.add(read("/", Map.of()));
        return List.copyOf(list);
    }

    private static Endpoint write(String suffix, Map<String, Object> body) {
        return new Endpoint("POST", "/api/incidents/{id}" + suffix, body, Map.of());
    }

    private static Endpoint read(String path, Map<String, String> query) {
        return new Endpoint("GET", path, null, query);
    }

    private final Random random;
    private final List<Endpoint> endpoints = endpoints();
    private String lastKey = "never-used";

    HostileRequests(Random random) {
        this.random = random;
    }

    Request next(String target) {
        var endpoint = endpoints.get(random.nextInt(endpoints.size()));
        var method = random.nextInt(40) == 0 ? pick(List.of("PUT", "PATCH", "DELETE", "POST", "GET")) : endpoint.method();
        var id = random.nextInt(6) == 0 ? pick(PATH_IDS) : random.nextInt(30) == 0 ? "INC-NONE" + random.nextInt(99) : target;
        var path = endpoint.path().replace("{id}", id) + query(endpoint.query());
        var headers = new LinkedHashMap<String, String>();
        key(headers);
        if (random.nextInt(3) > 0) {
            headers.put("Accept", pick(ACCEPTS));
        }
        if (endpoint.write()) {
            switch (random.nextInt(8)) {
                case 0, 1, 2 -> {
                    lastKey = "hk-" + UUID.randomUUID();
                    headers.put("Idempotency-Key", lastKey);
                }
                case 3 -> headers.put("Idempotency-Key", pick(BAD_HEADER_VALUES));
                case 4 -> headers.put("Idempotency-Key", lastKey);
                case 5 -> headers.put("If-Match", pick(BAD_HEADER_VALUES));
                case 6 -> headers.put("If-Match", "\"" + random.nextInt(40) + "\"");
                default -> { }
            }
        }
        if (random.nextInt(15) == 0) {
            headers.put("X-Correlation-Id", pick(BAD_HEADER_VALUES));
        }
        var body = body(endpoint.body());
        var contentType = body == null ? null : random.nextInt(12) == 0 ? pick(CONTENT_TYPES)
                : random.nextInt(40) == 0 ? null : "application/json";
        return new Request(method, path, headers, contentType, body, endpoint.write() && method.equals(endpoint.method()));
    }

    private void key(Map<String, String> headers) {
        switch (random.nextInt(20)) {
            case 0, 1 -> { }
            case 2 -> headers.put("X-API-Key", "not-a-key");
            case 3 -> headers.put("X-API-Key", pick(BAD_HEADER_VALUES));
            case 4 -> headers.put("Authorization", "Bearer " + Api.RESPONDER);
            case 5 -> headers.put("Authorization", "Bearer not-a-key");
            case 6 -> headers.put("Authorization", "Basic ZGV2OmRldg==");
            case 7, 8 -> headers.put("X-API-Key", Api.VIEWER);
            case 9 -> headers.put("X-API-Key", Api.AUDITOR);
            case 10, 11 -> headers.put("X-API-Key", Api.ADMIN);
            default -> headers.put("X-API-Key", Api.RESPONDER);
        }
    }

    private String query(Map<String, String> params) {
        var query = new StringBuilder();
        params.forEach((name, valid) -> {
            if (random.nextBoolean()) {
                var value = random.nextInt(3) == 0 ? String.valueOf(pick(VALUES)) : valid;
                query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(encode(value));
            }
        });
        if (random.nextInt(20) == 0) {
            query.append(query.isEmpty() ? "?" : "&").append(encode(String.valueOf(pick(VALUES)))).append("=1");
        }
        return query.toString();
    }

    /** The template's body, often with one thing broken: a field replaced, removed or added, or the JSON cut. */
    private String body(Map<String, Object> template) {
        if (template == null) {
            return random.nextInt(6) == 0 ? "{\"occurredAt\":" + Api.json(pick(VALUES)) + "}" : null;
        }
        var body = new LinkedHashMap<>(template);
        var fields = new ArrayList<>(body.keySet());
        switch (random.nextInt(9)) {
            case 0 -> {
                var json = Api.json(body);
                return json.substring(0, random.nextInt(json.length()));
            }
            case 1 -> fields.stream().skip(random.nextInt(Math.max(1, fields.size()))).findFirst().ifPresent(body::remove);
            case 2 -> body.put("unexpected" + random.nextInt(3), pick(VALUES));
            case 3 -> body.put("occurredAt", pick(VALUES));
            case 4 -> {
                return pick(List.of("null", "[]", "\"text\"", "42", "{", "}", "{\"a\":}", "\uFEFF{}", "{\"title\":\"t\",\"title\":\"u\"}"));
            }
            case 5 -> {
                return "";
            }
            case 6 -> {
                return Api.json(body);
            }
            default -> {
                if (!fields.isEmpty()) {
                    body.put(fields.get(random.nextInt(fields.size())), pick(VALUES));
                }
            }
        }
        return Api.json(body);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
