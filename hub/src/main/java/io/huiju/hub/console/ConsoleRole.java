package io.huiju.hub.console;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The roles of console users. A department user holds submitter and/or approver and sees its department only. */
enum ConsoleRole {
    /** Uploads and enters its department's data and reads its feedback. */
    SUBMITTER,
    /** Approves its department's submissions (later slices); reads them meanwhile. */
    APPROVER,
    /** Platform staff: follows every department. */
    OPERATOR,
    /** Platform staff with the rights to change the platform's settings (later slices). */
    ADMIN;

    static final List<String> NAMES =
            Arrays.stream(values()).map(ConsoleRole::id).toList();

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Spring Security authority, {@code ROLE_SUBMITTER} and so on. */
    String authority() {
        return "ROLE_" + name();
    }

    boolean ofDepartment() {
        return this == SUBMITTER || this == APPROVER;
    }
}
