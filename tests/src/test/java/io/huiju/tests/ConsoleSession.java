package io.huiju.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One browser's console session at the HTTP level, speaking to the hub as the pages do: a cookie jar (the session),
 * form login with the login page's CSRF token, and the token {@code /console/api/me} gives on the POSTs that carry
 * one. Redirects are not followed, so a test sees where the hub sends it.
 */
class ConsoleSession {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HIDDEN_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern ME_TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");

    final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final int port;
    private String csrfHeader;
    private String csrfToken;

    ConsoleSession(int port) {
        this.port = port;
    }

    /**
     * A session logged in as the user (the hub answered with a redirect away from the login page), holding the CSRF
     * token for {@link #post}.
     */
    static ConsoleSession login(int port, String user, String password) throws Exception {
        ConsoleSession session = new ConsoleSession(port);
        assertThat(session.login(user, password)
                        .headers()
                        .firstValue("Location")
                        .orElse(""))
                .as("%s logged in", user)
                .doesNotContain("/console/login");
        JsonNode csrf = session.json("/console/api/me").get("csrf");
        session.csrfHeader = csrf.get("header").asText();
        session.csrfToken = csrf.get("token").asText();
        return session;
    }

    /** A session logged in as the user and sent to the home page, as a browser is. */
    static ConsoleSession of(int port, String user, String password) throws Exception {
        ConsoleSession session = new ConsoleSession(port);
        assertThat(session.login(user, password)
                        .headers()
                        .firstValue("Location")
                        .orElse(""))
                .as("login of %s", user)
                .endsWith("/console/submissions.html");
        return session;
    }

    /** Logs in through the login page's form; returns the answer to the POST (a redirect). */
    HttpResponse<String> login(String user, String password) throws Exception {
        String page = get("/console/login").body();
        return form(
                "/console/login", Map.of("username", user, "password", password, "_csrf", find(HIDDEN_TOKEN, page)));
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(request(path).GET());
    }

    /** GET that must answer 200, as JSON. */
    JsonNode json(String path) throws Exception {
        HttpResponse<String> answer = get(path);
        assertThat(answer.statusCode()).as("GET %s: %s", path, answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    static JsonNode parse(String body) throws Exception {
        return JSON.readTree(body);
    }

    HttpResponse<String> form(String path, Map<String, String> fields) throws Exception {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&")
                .append(encode(k))
                .append('=')
                .append(encode(v)));
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** The CSRF token of the session as {@code /console/api/me} gives it now. */
    String csrf() throws Exception {
        return find(ME_TOKEN, get("/console/api/me").body());
    }

    /** POSTs the body as JSON with the session's CSRF token (sessions from {@link #login(int, String, String)}). */
    HttpResponse<String> post(String path, Object body) throws Exception {
        return post(path, body, true);
    }

    /** POSTs the body as JSON, with the session's CSRF token when {@code withToken}. */
    HttpResponse<String> post(String path, Object body, boolean withToken) throws Exception {
        return postJson(path, JSON.writeValueAsString(body), withToken ? csrfToken : null);
    }

    /** An empty POST, with the session's CSRF token when {@code withToken}. */
    HttpResponse<String> post(String path, boolean withToken) throws Exception {
        HttpRequest.Builder request = request(path).POST(HttpRequest.BodyPublishers.noBody());
        if (withToken) {
            request.header(csrfHeader, csrfToken);
        }
        return send(request);
    }

    /** A JSON POST, with the CSRF token when one is given (null: a forged request). */
    HttpResponse<String> postJson(String path, String json, String token) throws Exception {
        HttpRequest.Builder request = request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("X-CSRF-TOKEN", token);
        }
        return send(request);
    }

    /** The console's upload form as the page posts it, with the department's mapping. */
    HttpResponse<String> upload(String name, byte[] bytes, String token) throws Exception {
        return upload(name, bytes, null, token);
    }

    /** The console's upload form as the page posts it (mapping null: none chosen). */
    HttpResponse<String> upload(String name, byte[] bytes, String mapping, String token) throws Exception {
        String boundary = "----huiju" + UUID.randomUUID();
        String chosen = mapping == null
                ? ""
                : "--" + boundary + "\r\nContent-Disposition: form-data; name=\"mapping\"\r\n\r\n" + mapping + "\r\n";
        byte[] head = (chosen + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                        + name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = request("/console/api/payloads")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(HubTest.concat(head, bytes, tail)));
        if (token != null) {
            request.header("X-CSRF-TOKEN", token);
        }
        return send(request);
    }

    static String find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).as("%s in %s", pattern, text).isTrue();
        return m.group(1);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
