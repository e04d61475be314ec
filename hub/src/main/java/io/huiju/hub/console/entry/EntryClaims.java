package io.huiju.hub.console.entry;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which payload a form's client token became ({@code console_entry}). The primary key decides between two submits of
 * the same form racing each other: the database, not the page, so a double click, a retry after a lost answer and two
 * tabs all store the record once.
 */
@Component
class EntryClaims {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    EntryClaims(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Claims the token for the payload; answers the payload that claimed it first when another did. */
    Optional<String> claim(String department, String token, String payloadId, String username) {
        try {
            jdbc.update(
                    "INSERT INTO console_entry (department, client_token, payload_id, username, created_at)"
                            + " VALUES (?, ?, ?, ?, ?)",
                    department,
                    token,
                    payloadId,
                    username,
                    Timestamp.from(clock.instant()));
            return Optional.empty();
        } catch (DuplicateKeyException e) {
            List<String> first = jdbc.queryForList(
                    "SELECT payload_id FROM console_entry WHERE department = ? AND client_token = ?",
                    String.class,
                    department,
                    token);
            return first.stream().findFirst();
        }
    }

    /** Gives the token back when its payload could not be handed over, so the user can send the form again. */
    void release(String department, String token) {
        jdbc.update("DELETE FROM console_entry WHERE department = ? AND client_token = ?", department, token);
    }
}
