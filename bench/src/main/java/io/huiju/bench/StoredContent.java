package io.huiju.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A fingerprint of what one hub run stored: equal counts are not enough to say two readers read the same values (a
 * date read one day off is still a valid, stored record), so the content hashes are summed too.
 */
record StoredContent(long records, long recordSum, long history, long rejectLines, long rejectSum) {

    private static final String QUERY = SqlResource.load("stored-content.sql");

    static StoredContent read(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(QUERY)) {
            rs.next();
            return new StoredContent(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
        }
    }
}
