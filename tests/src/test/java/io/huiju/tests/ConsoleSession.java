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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A console user speaking JSON to the hub as the pages do: logged in through the login form (with the login page's
 * CSRF token) on a cookie jar of its own, then sending the token of {@code /console/api/me} with every POST.
 */
final class ConsoleSession {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HIDDEN_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final int port;
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private String csrf;

    private ConsoleSession(int port) {
        this.port = port;
    }

    static ConsoleSession login(int port, String user, String password) throws Exception {
        ConsoleSession session = new ConsoleSession(port);
        String page = session.get("/console/login").body();
        Matcher token = HIDDEN_TOKEN.matcher(page);
        assertThat(token.find()).as("the login page's CSRF token").isTrue();
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + token.group(1);
        HttpResponse<String> answer = session.http.send(
                HttpRequest.newBuilder(session.uri("/console/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.headers().firstValue("Location").orElse(""))
                .as("%s logged in", user)
                .doesNotContain("error");
        session.csrf = JSON.readTree(session.get("/console/api/me").body())
                .path("csrf")
                .path("token")
                .asText();
        return session;
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode getJson(String path) throws Exception {
        HttpResponse<String> answer = get(path);
        assertThat(answer.statusCode()).as("GET %s: %s", path, answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    /** POSTs JSON with the session's CSRF token. */
    HttpResponse<String> post(String path, Object body) throws Exception {
        return post(path, body, true);
    }

    HttpResponse<String> post(String path, Object body, boolean withCsrfToken) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (withCsrfToken) {
            request.header("X-CSRF-TOKEN", csrf);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
