package io.huiju.hub.console;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The web console's accounts and sessions, under {@code huiju.console.*} (docs/OPERATIONS.md). */
@Validated
@ConfigurationProperties("huiju.console")
public class ConsoleProperties {

    /** Who may log into the console. Passwords are bcrypt hashes; plain ones are refused at start-up. */
    @Valid
    private List<User> users = new ArrayList<>();

    /** How long a console session lives without a request. */
    @NotNull
    private Duration sessionTimeout = Duration.ofMinutes(30);

    public List<User> getUsers() {
        return users;
    }

    public void setUsers(List<User> users) {
        this.users = users;
    }

    public Duration getSessionTimeout() {
        return sessionTimeout;
    }

    public void setSessionTimeout(Duration sessionTimeout) {
        this.sessionTimeout = sessionTimeout;
    }

    public static class User {
        @NotBlank
        private String username;

        /** A bcrypt hash ({@code $2a$…}). */
        @NotBlank
        private String passwordHash;

        /** The department code (huiju.departments[].code) of a department user; none for platform staff. */
        private String department;

        /** Among submitter, approver (department users), operator, admin (platform staff). */
        private List<String> roles = new ArrayList<>(List.of("submitter"));

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPasswordHash() {
            return passwordHash;
        }

        public void setPasswordHash(String passwordHash) {
            this.passwordHash = passwordHash;
        }

        public String getDepartment() {
            return department;
        }

        public void setDepartment(String department) {
            this.department = department;
        }

        public List<String> getRoles() {
            return roles;
        }

        public void setRoles(List<String> roles) {
            this.roles = roles;
        }
    }
}
