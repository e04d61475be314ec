package io.huiju.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * CPU time of the PostgreSQL backends serving a database, read from {@code /proc}: with other work on the machine the
 * wall clock says little, while CPU time per row says what a load costs wherever it runs. Works only when the server
 * runs on this machine; elsewhere the figures are absent.
 */
final class BackendCpu {

    private static final String BACKENDS =
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()";
    /** /proc reports times in USER_HZ ticks, 100 a second on Linux. */
    private static final long MILLIS_PER_TICK = 10;

    /** CPU milliseconds so far, by backend process id; empty when /proc has no such process. */
    static Map<Integer, Long> read(Connection c) throws SQLException {
        Map<Integer, Long> cpu = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(BACKENDS);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                int pid = rs.getInt(1);
                OptionalLong millis = processMillis(pid);
                if (millis.isPresent()) {
                    cpu.put(pid, millis.getAsLong());
                }
            }
        }
        return cpu;
    }

    /** What the backends used between two readings; a backend that started in between counts from zero. */
    static OptionalLong between(Map<Integer, Long> before, Map<Integer, Long> after) {
        if (after.isEmpty()) {
            return OptionalLong.empty();
        }
        long total = 0;
        for (Map.Entry<Integer, Long> e : after.entrySet()) {
            total += e.getValue() - before.getOrDefault(e.getKey(), 0L);
        }
        return OptionalLong.of(total);
    }

    // Fields 14 and 15 of /proc/<pid>/stat (utime, stime), counted after the command name, which may hold spaces.
    static OptionalLong processMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return OptionalLong.of((Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MILLIS_PER_TICK);
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    private BackendCpu() {}
}
