package io.huiju.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.huiju.hub.config.HubProperties;
import io.huiju.hub.config.HubProperties.Department;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class DepartmentPasswordsTest {

    /** bcrypt at its lowest cost, counting the checks it makes. */
    static final class CountingBcrypt implements PasswordEncoder {
        final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        final AtomicInteger checks = new AtomicInteger();

        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    }

    final CountingBcrypt bcrypt = new CountingBcrypt();
    final MutableClock clock = new MutableClock();
    final DepartmentPasswords logins = new DepartmentPasswords(properties(Duration.ofMinutes(5)), clock, bcrypt);

    HubProperties properties(Duration ttl) {
        Department scjg = new Department();
        scjg.setCode("scjg");
        scjg.setName("市场监管");
        scjg.setRegionCode("350800");
        scjg.setPasswordHash(bcrypt.encode("right-1"));
        Department nologin = new Department();
        nologin.setCode("zf");
        nologin.setName("执法");
        nologin.setRegionCode("350800");
        HubProperties properties = new HubProperties();
        properties.setDepartments(List.of(scjg, nologin));
        properties.setLoginCacheTtl(ttl);
        return properties;
    }

    @Test
    void aPasswordThatPassedIsTakenOnTrustUntilTheCacheRunsOut() {
        assertThat(logins.accepts("scjg", "right-1")).isTrue();
        assertThat(logins.accepts("scjg", "right-1")).isTrue();
        assertThat(bcrypt.checks).hasValue(1);

        clock.advance(Duration.ofMinutes(6));
        assertThat(logins.accepts("scjg", "right-1")).isTrue();
        assertThat(bcrypt.checks).hasValue(2);
    }

    @Test
    void wrongPasswordsAreCheckedEveryTimeAndNeverLetInByTheCache() {
        assertThat(logins.accepts("scjg", "right-1")).isTrue();
        assertThat(logins.accepts("scjg", "wrong")).isFalse();
        assertThat(logins.accepts("scjg", "wrong")).isFalse();
        assertThat(logins.accepts("scjg", null)).isFalse();
        assertThat(bcrypt.checks).hasValue(3);
    }

    @Test
    void aDepartmentWithoutALoginOrAnUnknownNameIsRefusedAfterACheckAllTheSame() {
        assertThat(logins.accepts("zf", "right-1")).isFalse();
        assertThat(logins.accepts("nobody", "right-1")).isFalse();
        assertThat(bcrypt.checks).hasValue(2);
    }

    @Test
    void withoutACacheEveryLoginIsChecked() {
        DepartmentPasswords uncached = new DepartmentPasswords(properties(Duration.ZERO), clock, bcrypt);
        uncached.accepts("scjg", "right-1");
        uncached.accepts("scjg", "right-1");
        assertThat(bcrypt.checks).hasValue(2);
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-21T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
