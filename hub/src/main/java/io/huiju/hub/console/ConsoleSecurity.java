package io.huiju.hub.console;

import io.huiju.hub.config.HubProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Spring Security for the web console, and for nothing else: its one filter chain matches {@code /console/**}. Every
 * other path keeps the mechanism it had before Spring Security came: Hawtio and Jolokia their JAAS login (Hawtio
 * switches to Spring Security only when hawtio-springboot-security is present, which it is not), the department API
 * its HTTP Basic filter, SOAP its WS-Security UsernameToken, the actuator's health no login at all.
 *
 * <p>Form login at {@code /console/login}, sessions that expire after {@code huiju.console.session-timeout}, CSRF
 * tokens kept in the session (forms carry them; the pages' fetch() calls send the one {@code /console/api/me} gives).
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurity {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleSecurity.class);
    static final String HOME = "/console/submissions.html";

    @Bean
    ConsoleUsers consoleUsers(ConsoleProperties console, HubProperties hub) {
        return new ConsoleUsers(console, hub);
    }

    @Bean
    PasswordEncoder consolePasswords() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    SecurityFilterChain console(HttpSecurity http, AuditLog audit, ConsoleProperties properties) throws Exception {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(path.matcher("/console/**"))
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                path.matcher("/console/login"),
                                path.matcher("/console/console.css"),
                                // the login page's language switch; nothing in it is secret
                                path.matcher("/console/console.js"))
                        .permitAll()
                        .requestMatchers(path.matcher(HttpMethod.POST, "/console/api/payloads"))
                        .hasRole("SUBMITTER")
                        .requestMatchers(path.matcher(HttpMethod.POST, "/console/api/entry/**"))
                        .hasRole("SUBMITTER")
                        // the operators' dashboard and reminders (console/monitor)
                        .requestMatchers(path.matcher("/console/dashboard.*"), path.matcher("/console/api/monitor/**"))
                        .hasAnyRole("OPERATOR", "ADMIN")
                        // conflicts concern two departments: platform staff decide them
                        .requestMatchers(
                                path.matcher("/console/conflicts.html"), path.matcher("/console/api/conflicts/**"))
                        .hasAnyRole("OPERATOR", "ADMIN")
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/console/login")
                        .loginProcessingUrl("/console/login")
                        .successHandler(loggedIn(audit, properties))
                        .failureHandler(loginFailed(audit)))
                .logout(logout -> logout.logoutRequestMatcher(path.matcher(HttpMethod.POST, "/console/logout"))
                        .logoutSuccessHandler(loggedOut(audit)))
                .csrf(csrf -> csrf.csrfTokenRepository(new HttpSessionCsrfTokenRepository()))
                .exceptionHandling(errors ->
                        errors.authenticationEntryPoint(notLoggedIn(path)).accessDeniedHandler(denied(audit)));
        return http.build();
    }

    /** A page goes to the login page; the pages' fetch() calls get 401, on which they go there themselves. */
    private static AuthenticationEntryPoint notLoggedIn(PathPatternRequestMatcher.Builder path) {
        LinkedHashMap<RequestMatcher, AuthenticationEntryPoint> api = new LinkedHashMap<>();
        api.put(path.matcher("/console/api/**"), new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED));
        DelegatingAuthenticationEntryPoint entry = new DelegatingAuthenticationEntryPoint(api);
        entry.setDefaultEntryPoint(new LoginUrlAuthenticationEntryPoint("/console/login"));
        return entry;
    }

    private static SavedRequestAwareAuthenticationSuccessHandler loggedIn(
            AuditLog audit, ConsoleProperties properties) {
        SavedRequestAwareAuthenticationSuccessHandler next = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(
                    HttpServletRequest request, HttpServletResponse response, Authentication authentication)
                    throws jakarta.servlet.ServletException, IOException {
                request.getSession().setMaxInactiveInterval((int)
                        properties.getSessionTimeout().toSeconds());
                ConsoleUser user = (ConsoleUser) authentication.getPrincipal();
                audit.record(user.getUsername(), user.department(), AuditLog.Action.LOGIN, null, from(request));
                super.onAuthenticationSuccess(request, response, authentication);
            }
        };
        next.setDefaultTargetUrl(HOME);
        return next;
    }

    private static SimpleUrlAuthenticationFailureHandler loginFailed(AuditLog audit) {
        return new SimpleUrlAuthenticationFailureHandler("/console/login?error") {
            @Override
            public void onAuthenticationFailure(
                    HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
                    throws IOException, jakarta.servlet.ServletException {
                String user = request.getParameter("username");
                LOG.warn("Console: failed login as {} from {}", user, request.getRemoteAddr());
                audit.record(
                        user == null || user.isBlank() ? "(none)" : user,
                        null,
                        AuditLog.Action.LOGIN_FAILED,
                        null,
                        from(request));
                super.onAuthenticationFailure(request, response, exception);
            }
        };
    }

    private static LogoutSuccessHandler loggedOut(AuditLog audit) {
        return (request, response, authentication) -> {
            if (authentication != null && authentication.getPrincipal() instanceof ConsoleUser user) {
                audit.record(user.getUsername(), user.department(), AuditLog.Action.LOGOUT, null, null);
            }
            response.sendRedirect(request.getContextPath() + "/console/login?logout");
        };
    }

    /** Refused: a role the user lacks, or a forged request without the CSRF token. Logged, audited, 403. */
    private static AccessDeniedHandler denied(AuditLog audit) {
        return (request, response, exception) -> {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            ConsoleUser user = auth != null && auth.getPrincipal() instanceof ConsoleUser u ? u : null;
            String detail = request.getMethod() + " " + request.getRequestURI() + ": " + exception.getMessage();
            LOG.warn("Console: refused to {}: {}", user == null ? "(anonymous)" : user.getUsername(), detail);
            audit.record(
                    user == null ? "(anonymous)" : user.getUsername(),
                    user == null ? null : user.department(),
                    AuditLog.Action.DENIED,
                    null,
                    detail);
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write("{\"error\":\"无权执行此操作，或页面已过期（请刷新页面后重试）\"}");
        };
    }

    private static String from(HttpServletRequest request) {
        return "from " + request.getRemoteAddr();
    }
}
