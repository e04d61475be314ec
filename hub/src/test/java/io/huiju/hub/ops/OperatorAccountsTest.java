package io.huiju.hub.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.huiju.hub.config.HubProperties;
import io.huiju.hub.config.HubProperties.Operator;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperatorAccountsTest {

    // bcrypt of "view-secret-1" (test only)
    static final String HASH = "$2a$10$TKRbQPXt19.bFdDt3N17muKTH1sGvuHs5zDKUmMhQIaT6PIpqX7Ci";

    @Test
    void aViewerLogsInWithItsRole() {
        OperatorAccounts accounts = new OperatorAccounts(properties(operator("lisi", "viewer")));

        assertThat(accounts.authenticate("lisi", "view-secret-1".toCharArray())).contains(List.of("viewer"));
        assertThat(accounts.authenticate("lisi", "wrong".toCharArray())).isEmpty();
    }

    @Test
    void anUnknownRoleIsRefusedAtStartUp() {
        HubProperties properties = properties(operator("lisi", "auditor"));

        assertThat(assertThrows(IllegalStateException.class, () -> new OperatorAccounts(properties))
                        .getMessage())
                .isEqualTo(
                        "huiju.operators: 'lisi' has the unknown role 'auditor'; roles are [viewer, operator, admin]");
    }

    private static Operator operator(String name, String role) {
        Operator o = new Operator();
        o.setUsername(name);
        o.setPasswordHash(HASH);
        o.setRoles(List.of(role));
        return o;
    }

    private static HubProperties properties(Operator operator) {
        HubProperties properties = new HubProperties();
        properties.setOperators(List.of(operator));
        return properties;
    }
}
