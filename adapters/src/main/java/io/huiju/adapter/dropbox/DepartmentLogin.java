package io.huiju.adapter.dropbox;

/**
 * Checks a department's drop-box login. The hub answers from its department registry (hashed passwords); the servers
 * never see a stored password.
 */
@FunctionalInterface
public interface DepartmentLogin {

    /** True when {@code department} is a registered department with a drop-box account and this is its password. */
    boolean accepts(String department, String password);
}
