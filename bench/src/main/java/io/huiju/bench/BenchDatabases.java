package io.huiju.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** Creates and drops the bench's own databases through the {@code postgres} maintenance database. */
final class BenchDatabases {

    static final String HUB = "huiju_bench_hub";
    /** The .xlsx run of the Excel benchmark, beside the .csv run in {@link #HUB}. */
    static final String HUB_XLSX = "huiju_bench_hub_xlsx";

    static final String COPY = "huiju_bench_copy";

    /** The SOAP benchmark's hub (issue [3]). */
    static final String SOAP = "huiju_bench_soap";

    private final String jdbcBase;
    private final Properties credentials;

    /** The PostgreSQL server every benchmark uses: {@code --jdbc-base}, {@code --user}, {@code --password}. */
    static BenchDatabases of(Args args) {
        return new BenchDatabases(
                args.get("--jdbc-base", "jdbc:postgresql://127.0.0.1:5432/"),
                args.get("--user", "postgres"),
                args.get("--password", ""));
    }

    BenchDatabases(String jdbcBase, String user, String password) {
        this.jdbcBase = jdbcBase.endsWith("/") ? jdbcBase : jdbcBase + "/";
        this.credentials = new Properties();
        credentials.setProperty("user", user);
        if (!password.isEmpty()) {
            credentials.setProperty("password", password);
        }
    }

    String url(String database) {
        return jdbcBase + database;
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), credentials);
    }

    /** Names are the two constants above, never user input: that is why they may be spliced into the DDL. */
    void recreate(String database) throws SQLException {
        drop(database);
        execute("CREATE DATABASE " + database + " ENCODING 'UTF8' TEMPLATE template0");
    }

    void drop(String database) throws SQLException {
        execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    String serverVersion() throws SQLException {
        try (Connection c = connect("postgres")) {
            return c.getMetaData().getDatabaseProductVersion();
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = connect("postgres");
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
