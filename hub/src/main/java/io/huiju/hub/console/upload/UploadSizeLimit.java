package io.huiju.hub.console.upload;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a console upload over {@code huiju.console.upload.max-size} from its Content-Length, before a byte of it is
 * read or written to disk, with the reason in both languages (the page checks the size before sending, so this is
 * for other clients and forged requests). Registered after Spring Security: a request without login or CSRF token
 * gets its 401/403 first.
 */
@Configuration(proxyBeanMethods = false)
class UploadSizeLimit {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> consoleUploadSizeLimit(UploadProperties limits, ObjectMapper json) {
        long max = limits.getMaxSize().toBytes();
        long megabytes = limits.getMaxSize().toMegabytes();
        Map<String, String> refusal = Map.of(
                "error", "文件超过控制台允许的大小（" + megabytes + " MB），请拆分后上传，或通过接口、目录投递报送",
                "errorEn",
                        "The file is larger than the console takes (" + megabytes
                                + " MB): split it, or send it through the API or a drop-box");
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (!"POST".equals(request.getMethod()) || request.getContentLengthLong() <= max) {
                    chain.doFilter(request, response);
                    return;
                }
                response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                json.writeValue(response.getWriter(), refusal);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/console/api/payloads");
        return registration;
    }
}
