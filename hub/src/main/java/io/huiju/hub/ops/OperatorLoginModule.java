package io.huiju.hub.ops;

import io.hawt.web.auth.RolePrincipal;
import io.hawt.web.auth.UserPrincipal;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hawtio authenticates through JAAS (realm {@code hawtio}); its Spring Security bridge is not available here
 * (STACK.md pitfall 3), so this module checks the hub's own operator accounts and hands Hawtio their roles.
 */
public class OperatorLoginModule implements LoginModule {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorLoginModule.class);

    private Subject subject;
    private CallbackHandler callbacks;
    private final List<Principal> principals = new ArrayList<>();

    @Override
    public void initialize(
            Subject subject, CallbackHandler callbackHandler, Map<String, ?> sharedState, Map<String, ?> options) {
        this.subject = subject;
        this.callbacks = callbackHandler;
    }

    @Override
    public boolean login() throws LoginException {
        NameCallback name = new NameCallback("username");
        PasswordCallback password = new PasswordCallback("password", false);
        try {
            callbacks.handle(new Callback[] {name, password});
        } catch (Exception e) {
            throw new LoginException("cannot read credentials: " + e.getMessage());
        }
        String user = name.getName();
        List<String> roles = OperatorAccounts.current()
                .flatMap(accounts -> accounts.authenticate(user, password.getPassword()))
                .orElse(null);
        password.clearPassword();
        if (roles == null) {
            LOG.warn("Hawtio login refused for user '{}'", user);
            throw new FailedLoginException("wrong user name or password");
        }
        principals.add(new UserPrincipal(user));
        roles.forEach(r -> principals.add(new RolePrincipal(r)));
        LOG.info("Hawtio login: user '{}' with roles {}", user, roles);
        return true;
    }

    @Override
    public boolean commit() {
        subject.getPrincipals().addAll(principals);
        return true;
    }

    @Override
    public boolean abort() {
        principals.clear();
        return true;
    }

    @Override
    public boolean logout() {
        subject.getPrincipals().removeAll(principals);
        principals.clear();
        return true;
    }
}
