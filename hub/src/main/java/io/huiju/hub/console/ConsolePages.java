package io.huiju.hub.console;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

/**
 * The console's pages that are not plain static files: the login page (it carries the CSRF token in its form), the
 * entry point, and a payload's page, which answers 404 for a payload the user may not see, as for one that does not
 * exist. The other pages are static ({@code static/console/}) and fill themselves from {@code /console/api}.
 */
@Controller
class ConsolePages {

    private final Payloads payloads;

    ConsolePages(Payloads payloads) {
        this.payloads = payloads;
    }

    @GetMapping({"/console", "/console/"})
    String home() {
        return "redirect:" + ConsoleSecurity.HOME;
    }

    @GetMapping(path = "/console/login", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> login(
            CsrfToken csrf,
            @RequestParam(name = "error", required = false) String error,
            @RequestParam(name = "logout", required = false) String logout)
            throws IOException {
        String message = error != null ? "用户名或密码错误" : logout != null ? "已退出登录" : "";
        String messageEn = error != null ? "Wrong user name or password" : logout != null ? "Logged out" : "";
        String page = read("console/login.html")
                .replace("{{csrfParameter}}", HtmlUtils.htmlEscape(csrf.getParameterName()))
                .replace("{{csrfToken}}", HtmlUtils.htmlEscape(csrf.getToken()))
                .replace("{{message}}", HtmlUtils.htmlEscape(message))
                .replace("{{messageEn}}", HtmlUtils.htmlEscape(messageEn))
                .replace("{{messageClass}}", error != null ? "message error" : message.isEmpty() ? "" : "message");
        return html(HttpStatus.OK, page);
    }

    @GetMapping(path = "/console/payloads/{payloadId}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> payload(@AuthenticationPrincipal ConsoleUser user, @PathVariable String payloadId)
            throws IOException {
        if (payloads.visible(user, payloadId).isEmpty()) {
            return html(HttpStatus.NOT_FOUND, read("console/not-found.html"));
        }
        return html(HttpStatus.OK, read("static/console/payload.html"));
    }

    private static ResponseEntity<String> html(HttpStatus status, String page) {
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Cache-Control", "no-store")
                .body(page);
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
