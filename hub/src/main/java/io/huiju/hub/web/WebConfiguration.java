package io.huiju.hub.web;

import io.huiju.hub.security.DepartmentPasswords;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    @Bean
    FilterRegistrationBean<DepartmentBasicAuth> departmentBasicAuth(DepartmentPasswords passwords) {
        FilterRegistrationBean<DepartmentBasicAuth> registration =
                new FilterRegistrationBean<>(new DepartmentBasicAuth(passwords));
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
