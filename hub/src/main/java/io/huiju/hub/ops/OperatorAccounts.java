package io.huiju.hub.ops;

import io.huiju.hub.config.HubProperties;
import io.huiju.hub.config.HubProperties.Operator;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The accounts that may operate the hub (Hawtio), each with roles from {@link OperatorRole}. From
 * {@code huiju.operators} with bcrypt hashes; when none is configured, one {@code operator} account whose password
 * comes from {@code HUIJU_OPERATOR_PASSWORD}, or else is generated and printed once at start-up, so no password ever
 * sits in the repository.
 */
@Component
public class OperatorAccounts {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorAccounts.class);
    private static volatile OperatorAccounts current;

    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
    private final Map<String, Operator> byName = new HashMap<>();

    OperatorAccounts(HubProperties properties) {
        for (Operator o : properties.getOperators()) {
            if (!o.getPasswordHash().startsWith("$2")) {
                throw new IllegalStateException(
                        "huiju.operators: the password of '" + o.getUsername() + "' must be a bcrypt hash");
            }
            for (String role : o.getRoles()) {
                if (!OperatorRole.NAMES.contains(role)) {
                    throw new IllegalStateException("huiju.operators: '" + o.getUsername() + "' has the unknown role '"
                            + role + "'; roles are " + OperatorRole.NAMES);
                }
            }
            byName.put(o.getUsername(), o);
        }
        if (byName.isEmpty()) {
            String password = System.getenv("HUIJU_OPERATOR_PASSWORD");
            if (password == null || password.isBlank()) {
                byte[] random = new byte[12];
                new SecureRandom().nextBytes(random);
                password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
                LOG.warn(
                        "No operator configured: Hawtio login is 'operator' with the generated password {}"
                                + " (set HUIJU_OPERATOR_PASSWORD or huiju.operators to choose one)",
                        password);
            }
            Operator o = new Operator();
            o.setUsername("operator");
            o.setPasswordHash(bcrypt.encode(password));
            o.setRoles(List.of("operator", "admin"));
            byName.put(o.getUsername(), o);
        }
        current = this;
    }

    /** The roles of a user whose password matches, or empty. */
    public Optional<List<String>> authenticate(String username, char[] password) {
        Operator o = byName.get(username);
        if (o == null || password == null || !bcrypt.matches(new String(password), o.getPasswordHash())) {
            return Optional.empty();
        }
        return Optional.of(List.copyOf(o.getRoles()));
    }

    /** JAAS instantiates login modules itself, so they reach the accounts through here. */
    static Optional<OperatorAccounts> current() {
        return Optional.ofNullable(current);
    }
}
