package io.huiju.tests;

import static org.assertj.core.api.Assertions.assertThat;

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
 * One browser's console session at the HTTP level: a cookie jar, form login with the login page's CSRF token, the
 * token of {@code /console/api/me} on the POSTs that carry one. Redirects are not followed, so a test sees where the
 * hub sends it.
 */
class ConsoleSession {

    private static final Pattern HIDDEN_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern ME_TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");

    private final int port;
    final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    ConsoleSession(int port) {
        this.port = port;
    }

    /** A session logged in as the user; fails the test when the login does not succeed. */
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
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> form(String path, Map<String, String> fields) throws Exception {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    String csrf() throws Exception {
        return find(ME_TOKEN, get("/console/api/me").body());
    }

    /** A JSON POST, with the CSRF token when one is given (null: a forged request). */
    HttpResponse<String> postJson(String path, String json, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
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
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/console/api/payloads"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(HubTest.concat(head, bytes, tail)));
        if (token != null) {
            request.header("X-CSRF-TOKEN", token);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    static String find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).as("%s in %s", pattern, text).isTrue();
        return m.group(1);
    }
}
