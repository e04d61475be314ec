package io.huiju.hub.security;

import io.huiju.adapter.dropbox.DepartmentLogin;
import io.huiju.hub.config.HubProperties;
import io.huiju.hub.config.HubProperties.Department;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Department logins, for every channel a department pushes through (drop-box FTP and SFTP, the upload API, SOAP): the
 * department code and a password checked against its bcrypt hash in {@code huiju.departments[].password-hash}.
 *
 * <p>bcrypt is slow on purpose (about 90 ms a check on two cores), which a system calling SOAP once per decision
 * cannot afford on every call: a password that passed is remembered for {@code huiju.login-cache-ttl} (default 5
 * minutes) as a salted SHA-256 digest, never as text, and a later call with the same password is let in on that.
 * Failures are never remembered, so guessing still pays bcrypt for every try.
 */
@Component
public class DepartmentPasswords implements DepartmentLogin {

    private static final Logger LOG = LoggerFactory.getLogger(DepartmentPasswords.class);

    private final PasswordEncoder bcrypt;
    private final Clock clock;
    private final Duration cacheTtl;
    private final Map<String, String> hashes = new HashMap<>();
    private final Map<String, Passed> passed = new ConcurrentHashMap<>();
    private final byte[] salt = new byte[32];
    /** Checked for unknown names too, so the time an answer takes does not tell which departments exist. */
    private final String decoy;

    private record Passed(byte[] digest, Instant until) {}

    @Autowired
    DepartmentPasswords(HubProperties properties, Clock clock) {
        this(properties, clock, new BCryptPasswordEncoder());
    }

    DepartmentPasswords(HubProperties properties, Clock clock, PasswordEncoder bcrypt) {
        this.bcrypt = bcrypt;
        this.clock = clock;
        this.cacheTtl = properties.getLoginCacheTtl();
        new SecureRandom().nextBytes(salt);
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
        if (password == null) {
            return false;
        }
        String hash = hashes.get(department);
        byte[] digest = digest(password);
        Passed earlier = hash == null ? null : passed.get(department);
        if (earlier != null
                && clock.instant().isBefore(earlier.until())
                && MessageDigest.isEqual(earlier.digest(), digest)) {
            return true;
        }
        boolean matches = bcrypt.matches(password, hash != null ? hash : decoy);
        if (matches && hash != null && !cacheTtl.isZero()) {
            passed.put(department, new Passed(digest, clock.instant().plus(cacheTtl)));
        }
        return matches && hash != null;
    }

    public boolean hasLogin(String department) {
        return hashes.containsKey(department);
    }

    private byte[] digest(String password) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            return sha256.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
