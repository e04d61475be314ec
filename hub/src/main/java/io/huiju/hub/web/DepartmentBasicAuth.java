package io.huiju.hub.web;

import io.huiju.hub.security.DepartmentPasswords;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic for the department API ({@code /api/*}): the department code and its password, as on the drop-box. The
 * authenticated code is the request attribute {@link #DEPARTMENT}; nothing else decides whose data a request sees.
 *
 * <p>Not Spring Security: its filter chain covers the web console ({@code /console/**}) only, so that systems calling
 * the API keep plain HTTP Basic without sessions or CSRF tokens, and Hawtio keeps its JAAS login.
 */
class DepartmentBasicAuth extends OncePerRequestFilter {

    static final String DEPARTMENT = "huiju.department";

    private static final Logger LOG = LoggerFactory.getLogger(DepartmentBasicAuth.class);

    private final DepartmentPasswords passwords;

    DepartmentBasicAuth(DepartmentPasswords passwords) {
        this.passwords = passwords;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String[] credentials = decode(header.substring(6).trim());
            if (credentials != null && passwords.accepts(credentials[0], credentials[1])) {
                request.setAttribute(DEPARTMENT, credentials[0]);
                chain.doFilter(request, response);
                return;
            }
            LOG.warn(
                    "Department API: failed login as {} from {}",
                    credentials == null ? "(unreadable)" : credentials[0],
                    request.getRemoteAddr());
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"huiju\", charset=\"UTF-8\"");
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write("{\"error\":\"需要部门账号登录（HTTP Basic：部门代码与密码）\"}");
    }

    private static String[] decode(String encoded) {
        try {
            String text = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = text.indexOf(':');
            return colon < 0 ? null : new String[] {text.substring(0, colon), text.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
