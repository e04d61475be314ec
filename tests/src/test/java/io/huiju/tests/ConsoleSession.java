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
 * One logged-in console user speaking to the hub as the pages do: a cookie jar (the session), the CSRF token of the
 * login page for the login form, and the one {@code /console/api/me} gives for every later POST. Redirects are not
 * followed.
 */
final class ConsoleSession {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LOGIN_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final int port;
    private String csrfHeader;
    private String csrfToken;

    private ConsoleSession(int port) {
        this.port = port;
    }

    /** Logs in through the login form and checks the hub took it (a redirect away from the login page). */
    static ConsoleSession login(int port, String user, String password) throws Exception {
        ConsoleSession session = new ConsoleSession(port);
        Matcher token = LOGIN_TOKEN.matcher(session.get("/console/login").body());
        assertThat(token.find()).as("the login form's CSRF token").isTrue();
        String form = "username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + encode(token.group(1));
        HttpResponse<String> answer = session.http.send(
                session.request("/console/login")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.headers().firstValue("Location").orElse(""))
                .as("%s logged in", user)
                .doesNotContain("/console/login");
        JsonNode csrf = session.json("/console/api/me").get("csrf");
        session.csrfHeader = csrf.get("header").asText();
        session.csrfToken = csrf.get("token").asText();
        return session;
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GET that must answer 200, as JSON. */
    JsonNode json(String path) throws Exception {
        HttpResponse<String> answer = get(path);
        assertThat(answer.statusCode()).as("GET %s: %s", path, answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    /** POSTs the body as JSON with the session's CSRF token. */
    HttpResponse<String> post(String path, Object body) throws Exception {
        return post(path, body, true);
    }

    /** POSTs the body as JSON, with the session's CSRF token when {@code withToken}. */
    HttpResponse<String> post(String path, Object body, boolean withToken) throws Exception {
        return send(
                request(path)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))),
                withToken);
    }

    /** An empty POST, with the session's CSRF token when {@code withToken}. */
    HttpResponse<String> post(String path, boolean withToken) throws Exception {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()), withToken);
    }

    static JsonNode parse(String body) throws Exception {
        return JSON.readTree(body);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, boolean withToken) throws Exception {
        if (withToken) {
            request.header(csrfHeader, csrfToken);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
