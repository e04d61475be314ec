package io.huiju.hub.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.huiju.hub.config.HubProperties;
import io.huiju.hub.config.HubProperties.Department;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

class ConsoleUsersTest {

    // bcrypt of "scjg-console-1" (test only)
    static final String HASH = "$2a$10$ZsOCxkBsSRivWN8y0bSw9Olgy/a2hkbjxdEDuXDmyweh86sMtqMBa";

    @Test
    void aDepartmentSubmitterHasItsDepartmentAndRole() {
        ConsoleUsers users = new ConsoleUsers(console(user("zhang", HASH, "scjg", "submitter", "approver")), hub());

        ConsoleUser zhang = (ConsoleUser) users.loadUserByUsername("zhang");

        assertThat(zhang.department()).isEqualTo("scjg");
        assertThat(zhang.getAuthorities().stream().map(GrantedAuthority::getAuthority))
                .containsExactlyInAnyOrder("ROLE_SUBMITTER", "ROLE_APPROVER");
        assertThat(zhang.sees("scjg")).isTrue();
        assertThat(zhang.sees("zf")).isFalse();
        assertThrows(UsernameNotFoundException.class, () -> users.loadUserByUsername("nobody"));
    }

    @Test
    void platformStaffSeeEveryDepartment() {
        ConsoleUsers users = new ConsoleUsers(console(user("wang", HASH, null, "operator")), hub());

        assertThat(((ConsoleUser) users.loadUserByUsername("wang")).sees("zf")).isTrue();
    }

    @Test
    void mistakesStopTheHubAtStartUp() {
        assertThat(refused(user("zhang", "secret", "scjg", "submitter")))
                .isEqualTo("huiju.console.users: 'zhang' must have a bcrypt password hash");
        assertThat(refused(user("zhang", HASH, "scjg", "auditor")))
                .isEqualTo("huiju.console.users: 'zhang' has the unknown role 'auditor';"
                        + " roles are [submitter, approver, operator, admin]");
        assertThat(refused(user("zhang", HASH, null, "submitter")))
                .isEqualTo("huiju.console.users: 'zhang' is a department user ([submitter]) and needs its department");
        assertThat(refused(user("zhang", HASH, "nosuch", "submitter")))
                .isEqualTo("huiju.console.users: 'zhang' names the department 'nosuch', which is not registered");
    }

    private static String refused(ConsoleProperties.User user) {
        return assertThrows(IllegalStateException.class, () -> new ConsoleUsers(console(user), hub()))
                .getMessage();
    }

    private static ConsoleProperties.User user(String name, String hash, String department, String... roles) {
        ConsoleProperties.User u = new ConsoleProperties.User();
        u.setUsername(name);
        u.setPasswordHash(hash);
        u.setDepartment(department);
        u.setRoles(List.of(roles));
        return u;
    }

    private static ConsoleProperties console(ConsoleProperties.User user) {
        ConsoleProperties console = new ConsoleProperties();
        console.setUsers(List.of(user));
        return console;
    }

    private static HubProperties hub() {
        Department scjg = new Department();
        scjg.setCode("scjg");
        HubProperties hub = new HubProperties();
        hub.setDepartments(List.of(scjg));
        return hub;
    }
}
