package io.huiju.hub.security;

import io.huiju.adapter.dropbox.DepartmentLogin;
import io.huiju.hub.config.HubProperties;
import io.huiju.hub.config.HubProperties.Department;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Department logins, for every channel a department pushes through (drop-box FTP and SFTP, the upload API): the
 * department code and a password checked against its bcrypt hash in {@code huiju.departments[].password-hash}.
 */
@Component
public class DepartmentPasswords implements DepartmentLogin {

    private static final Logger LOG = LoggerFactory.getLogger(DepartmentPasswords.class);

    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
    private final Map<String, String> hashes = new HashMap<>();
    /** Checked for unknown names too, so the time an answer takes does not tell which departments exist. */
    private final String decoy;

    DepartmentPasswords(HubProperties properties) {
        for (Department d : properties.getDepartments()) {
            String hash = d.getPasswordHash();
            if (hash == null || hash.isBlank()) {
                continue;
            }
            if (!hash.startsWith("$2")) {
                throw new IllegalStateException(
                        "huiju.departments: the password of '" + d.getCode() + "' must be a bcrypt hash");
            }
            hashes.put(d.getCode(), hash);
        }
        decoy = bcrypt.encode("no department has this password");
        LOG.info(
                "Department logins: {} of {} department(s) have one {}",
                hashes.size(),
                properties.getDepartments().size(),
                hashes.keySet());
    }

    @Override
    public boolean accepts(String department, String password) {
        String hash = hashes.get(department);
        boolean matches = password != null && bcrypt.matches(password, hash != null ? hash : decoy);
        return matches && hash != null;
    }

    public boolean hasLogin(String department) {
        return hashes.containsKey(department);
    }
}
