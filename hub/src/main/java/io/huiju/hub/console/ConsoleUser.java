package io.huiju.hub.console;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A logged-in console user: its roles, and the department whose data it sees (null for platform staff). */
public class ConsoleUser extends User {

    private final String department;

    ConsoleUser(String username, String passwordHash, String department, Collection<? extends GrantedAuthority> roles) {
        super(username, passwordHash, roles);
        this.department = department;
    }

    public String department() {
        return department;
    }

    /** Whether the user sees this department's data: its own department, or any for platform staff. */
    boolean sees(String payloadDepartment) {
        return department == null || department.equals(payloadDepartment);
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
