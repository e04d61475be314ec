package io.huiju.tests;

import static org.awaitility.Awaitility.await;

import io.huiju.hub.HuijuApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * One hub of a city-province pair, in this JVM or as a process of its own: its own Spring context, its own PostgreSQL database (created here,
 * dropped on close), its own home folder, connected to its own broker over TCP. The department is one of this hub's
 * region, fed through its inbox like any file-drop department.
 */
final class SyncHub implements AutoCloseable {

    static final String SERVER = System.getProperty("huiju.it.pg.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
    static final String USER = System.getProperty("huiju.it.pg.user", "postgres");

    final String role;
    final String department;
    final String regionCode;
    final String brokerUrl;
    final Path home;
    final String database = "huiju_sync_" + UUID.randomUUID().toString().substring(0, 8);
    final JdbcTemplate jdbc;
    /** The hub in this JVM, or null when it runs as a process of its own. */
    final ConfigurableApplicationContext context;

    private final List<Process> processes = new ArrayList<>();
    /** More {@code --name=value} arguments, e.g. the broker login. */
    private final List<String> extra;

    /** A hub in this JVM. */
    SyncHub(String suite, String role, String department, String regionCode, String brokerUrl) {
        this(suite, role, department, regionCode, brokerUrl, true, List.of());
    }

    /** A hub in this JVM with more arguments, e.g. {@code --spring.artemis.user=...}. */
    SyncHub(String suite, String role, String department, String regionCode, String brokerUrl, List<String> extra) {
        this(suite, role, department, regionCode, brokerUrl, true, extra);
    }

    private SyncHub(
            String suite,
            String role,
            String department,
            String regionCode,
            String brokerUrl,
            boolean inProcess,
            List<String> extra) {
        this.extra = List.copyOf(extra);
        this.role = role;
        this.department = department;
        this.regionCode = regionCode;
        this.brokerUrl = brokerUrl;
        this.home = TestHome.create(suite + "-" + role);
        execute("CREATE DATABASE " + database);
        try {
            TestHome.templated(home, department, "national-penalty");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (inProcess) {
            this.context = new SpringApplicationBuilder(HuijuApplication.class).run(arguments());
            this.jdbc = context.getBean(JdbcTemplate.class);
        } else {
            this.context = null;
            this.jdbc = new JdbcTemplate(new DriverManagerDataSource(url(), USER, ""));
        }
    }

    /** A hub that runs as a process of its own, so a test can kill it: started by {@link #start()}. */
    static SyncHub process(
            String suite, String role, String department, String regionCode, String brokerUrl, List<String> extra) {
        return new SyncHub(suite, role, department, regionCode, brokerUrl, false, extra);
    }

    /** Starts the hub's process and waits until its sync routes run. */
    void start() throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                HuijuApplication.class.getName()));
        command.addAll(List.of(arguments()));
        Path log = home.resolve("hub-" + processes.size() + ".log");
        Process process = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        processes.add(process);
        await().atMost(Duration.ofSeconds(300))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError(role + " hub exited; see " + log);
                    }
                    return Files.readString(log).contains("Sync as " + role);
                });
    }

    /** SIGKILL: no shutdown of any kind. */
    void kill() throws InterruptedException {
        Process process = processes.get(processes.size() - 1);
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError(role + " hub did not die");
        }
    }

    private String url() {
        return SERVER.replaceFirst("/[^/]*$", "/" + database);
    }

    private String[] arguments() {
        List<String> all = new ArrayList<>(List.of(baseArguments()));
        all.addAll(extra);
        return all.toArray(String[]::new);
    }

    private String[] baseArguments() {
        return new String[] {
            "--spring.profiles.active=postgres," + role,
            "--spring.datasource.url=" + url(),
            "--spring.datasource.username=" + USER,
            "--spring.datasource.password=",
            "--spring.artemis.mode=native",
            "--spring.artemis.broker-url=" + brokerUrl,
            "--spring.artemis.embedded.enabled=false",
            "--spring.jmx.unique-names=true",
            "--camel.main.name=huiju-" + role,
            "--server.port=0",
            "--huiju.home=" + home,
            "--huiju.mappings=" + TestHome.REPO.resolve("mappings"),
            "--huiju.route-scan-interval=500ms",
            "--huiju.sync.relay-interval=200ms",
            "--huiju.departments[0].code=" + department,
            "--huiju.departments[0].name=" + department + " 市场监督管理局",
            "--huiju.departments[0].uscc=11350800MB0281236E",
            "--huiju.departments[0].region-code=" + regionCode,
            "--huiju.departments[0].mapping=national-penalty",
            "--huiju.operators[0].username=ops",
            "--huiju.operators[0].password-hash=$2a$10$YlR0xjALyqgGEpO7xj55xum927Q5rdTDTm989PnZlXp.ubc.OJ/ga",
            "--huiju.operators[0].roles=operator",
            "--huiju.dropbox.ftp.port=0",
            "--huiju.dropbox.ftp.passive-ports=0",
            "--huiju.dropbox.sftp.port=0"
        };
    }

    /** Drops a department file into the inbox and waits until the hub has finished it. */
    void drop(String name, byte[] bytes) throws IOException {
        Path staging = Files.createDirectories(home.resolve("staging")).resolve(System.nanoTime() + ".tmp");
        Files.write(staging, bytes);
        Path inbox = Files.createDirectories(home.resolve("inbox").resolve(department));
        Files.move(staging, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        String status = await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> jdbc
                                .queryForList(
                                        "SELECT status FROM payload WHERE department = ? AND file_name = ?"
                                                + " AND status <> 'RECEIVED'",
                                        String.class,
                                        department,
                                        name)
                                .stream()
                                .findFirst()
                                .orElse(null),
                        s -> s != null);
        if (!"DONE".equals(status)) {
            throw new AssertionError(role + " hub did not store " + name + ": " + status);
        }
    }

    int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    @Override
    public void close() throws InterruptedException {
        if (context != null) {
            context.close();
        }
        for (Process p : processes) {
            p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(SERVER, USER, "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL at " + SERVER + " is needed by this suite: " + e.getMessage(), e);
        }
    }
}
