package io.huiju.hub.ops;

import io.hawt.web.auth.RolePrincipal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import javax.security.auth.Subject;

/**
 * The roles of operator accounts. Each one reaches Hawtio ({@code hawtio.roles}); only operator and admin may change
 * anything there. Department logins have none of them and never reach Hawtio.
 */
enum OperatorRole {
    /** Sees routes, statistics, queues and their depths; every operation that changes state is refused. */
    VIEWER,
    /** Also stops, starts and suspends routes and manages queues. */
    OPERATOR,
    /** The same rights as operator today; kept apart so that rights can be split later without renaming accounts. */
    ADMIN;

    static final List<String> NAMES =
            Arrays.stream(values()).map(OperatorRole::id).toList();

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a logged-in subject may change state: it holds operator or admin. */
    static boolean mayChangeState(Subject subject) {
        if (subject == null) {
            return false;
        }
        Set<String> roles = subject.getPrincipals(RolePrincipal.class).stream()
                .map(RolePrincipal::getName)
                .collect(Collectors.toSet());
        return roles.contains(OPERATOR.id()) || roles.contains(ADMIN.id());
    }
}
