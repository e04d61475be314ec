package io.huiju.hub.console;

import io.huiju.hub.config.HubProperties;
import io.huiju.hub.config.HubProperties.Department;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * The console accounts of {@code huiju.console.users}, checked at start-up: a bcrypt hash, known roles, and a
 * registered department for department users (submitter, approver). A mistake stops the hub rather than leaving an
 * account that sees more, or less, than meant.
 */
class ConsoleUsers implements UserDetailsService {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleUsers.class);

    private final Map<String, ConsoleProperties.User> byName = new HashMap<>();

    ConsoleUsers(ConsoleProperties console, HubProperties hub) {
        Set<String> departments =
                hub.getDepartments().stream().map(Department::getCode).collect(Collectors.toSet());
        for (ConsoleProperties.User u : console.getUsers()) {
            String name = "huiju.console.users: '" + u.getUsername() + "'";
            if (!u.getPasswordHash().startsWith("$2")) {
                throw new IllegalStateException(name + " must have a bcrypt password hash");
            }
            if (u.getRoles().isEmpty()) {
                throw new IllegalStateException(name + " has no role; roles are " + ConsoleRole.NAMES);
            }
            boolean departmentRole = false;
            for (String role : u.getRoles()) {
                if (!ConsoleRole.NAMES.contains(role)) {
                    throw new IllegalStateException(
                            name + " has the unknown role '" + role + "'; roles are " + ConsoleRole.NAMES);
                }
                departmentRole |= role(role).ofDepartment();
            }
            if (departmentRole && u.getDepartment() == null) {
                throw new IllegalStateException(
                        name + " is a department user (" + u.getRoles() + ") and needs its department");
            }
            if (u.getDepartment() != null && !departments.contains(u.getDepartment())) {
                throw new IllegalStateException(
                        name + " names the department '" + u.getDepartment() + "', which is not registered");
            }
            if (byName.put(u.getUsername(), u) != null) {
                throw new IllegalStateException(name + " is configured twice");
            }
        }
        LOG.info("Console accounts: {} {}", byName.size(), byName.keySet());
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        ConsoleProperties.User u = byName.get(username);
        if (u == null) {
            throw new UsernameNotFoundException("no console account " + username);
        }
        List<SimpleGrantedAuthority> roles = u.getRoles().stream()
                .map(r -> new SimpleGrantedAuthority(role(r).authority()))
                .toList();
        return new ConsoleUser(u.getUsername(), u.getPasswordHash(), u.getDepartment(), roles);
    }

    private static ConsoleRole role(String id) {
        return ConsoleRole.valueOf(id.toUpperCase(Locale.ROOT));
    }
}
