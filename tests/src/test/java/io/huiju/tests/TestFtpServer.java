package io.huiju.tests;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.ftpserver.ConnectionConfigFactory;
import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.Authority;
import org.apache.ftpserver.ftplet.DefaultFtplet;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.ftplet.FtpSession;
import org.apache.ftpserver.ftplet.FtpletResult;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.ssl.SslConfiguration;
import org.apache.ftpserver.ssl.SslConfigurationFactory;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.TransferRatePermission;
import org.apache.ftpserver.usermanager.impl.WritePermission;

/**
 * A department's FTP server (Apache MINA FtpServer on 127.0.0.1): one user whose home holds {@code outbox/} and
 * {@code feedback/}. It can be stopped and started again on the same ports, serve explicit TLS (FTPS), and send slowly,
 * so that a test can break a download off half-way.
 */
final class TestFtpServer {

    final Path root;
    final String user;
    final String password;
    final int port;
    private final String passivePorts;
    private Path keystore;
    private String keystorePassword;
    private int downloadBytesPerSecond;
    private FtpServer server;
    /** Logins and transfers, each as "login", "download" or "upload", with " in the clear" when not under TLS. */
    final List<String> sessions = new CopyOnWriteArrayList<>();

    TestFtpServer(Path root, String user, String password) throws IOException {
        this.root = root;
        this.user = user;
        this.password = password;
        Files.createDirectories(root.resolve("outbox"));
        Files.createDirectories(root.resolve("feedback"));
        List<Integer> ports = freePorts(9);
        this.port = ports.get(0);
        // A set of its own: MINA's "any port" passive mode hands out ports it then fails to reserve under load.
        this.passivePorts = String.join(
                ",",
                ports.subList(1, ports.size()).stream().map(String::valueOf).toList());
    }

    /** Explicit TLS (AUTH TLS) on the control and data connections, with the key in this PKCS12 keystore. */
    TestFtpServer tls(Path keystore, String keystorePassword) {
        this.keystore = keystore;
        this.keystorePassword = keystorePassword;
        return this;
    }

    /** Downloads at most this fast (0: as fast as the machine goes). */
    TestFtpServer downloadRate(int bytesPerSecond) {
        this.downloadBytesPerSecond = bytesPerSecond;
        return this;
    }

    TestFtpServer start() throws FtpException {
        FtpServerFactory factory = new FtpServerFactory();
        ListenerFactory listener = new ListenerFactory();
        listener.setServerAddress("127.0.0.1");
        listener.setPort(port);
        DataConnectionConfigurationFactory data = new DataConnectionConfigurationFactory();
        data.setPassiveAddress("127.0.0.1");
        data.setPassivePorts(passivePorts);
        if (keystore != null) {
            SslConfiguration ssl = ssl();
            listener.setSslConfiguration(ssl);
            listener.setImplicitSsl(false);
            data.setSslConfiguration(ssl);
        }
        listener.setDataConnectionConfiguration(data.createDataConnectionConfiguration());
        factory.addListener("default", listener.createListener());
        // The hub holds a polling session and an upload session at once; MINA's small default pool can starve one.
        ConnectionConfigFactory connections = new ConnectionConfigFactory();
        connections.setMaxThreads(16);
        connections.setMaxLogins(20);
        factory.setConnectionConfig(connections.createConnectionConfig());
        factory.setUserManager(users());
        // a map MINA may clear when it stops
        factory.setFtplets(new HashMap<>(Map.of("sessions", new DefaultFtplet() {
            @Override
            public FtpletResult onLogin(FtpSession session, FtpRequest request) {
                sessions.add("login" + (session.isSecure() ? "" : " in the clear"));
                return FtpletResult.DEFAULT;
            }

            @Override
            public FtpletResult onDownloadStart(FtpSession session, FtpRequest request) {
                sessions.add("download" + (session.getDataConnection().isSecure() ? "" : " in the clear"));
                return FtpletResult.DEFAULT;
            }

            @Override
            public FtpletResult onUploadStart(FtpSession session, FtpRequest request) {
                sessions.add("upload" + (session.getDataConnection().isSecure() ? "" : " in the clear"));
                return FtpletResult.DEFAULT;
            }
        })));
        server = factory.createServer();
        server.start();
        return this;
    }

    /** Stops the way a crashing server does: every session, and any transfer in flight, is cut. */
    void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Writes under a temporary name and renames, as a careful department system does. */
    void upload(String name, byte[] bytes) throws IOException {
        Path partial = root.resolve("outbox").resolve("." + name + ".part");
        Files.write(partial, bytes);
        Files.move(partial, root.resolve("outbox").resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Whether a file whose name ends so is anywhere under that folder of the server. */
    boolean has(String folder, String suffix) throws IOException {
        return HubTest.findUnder(root.resolve(folder), suffix);
    }

    private SslConfiguration ssl() {
        SslConfigurationFactory ssl = new SslConfigurationFactory();
        ssl.setKeystoreFile(keystore.toFile());
        ssl.setKeystorePassword(keystorePassword);
        ssl.setKeystoreType("PKCS12");
        return ssl.createSslConfiguration();
    }

    private UserManager users() throws FtpException {
        UserManager users = new PropertiesUserManagerFactory().createUserManager();
        BaseUser account = new BaseUser();
        account.setName(user);
        account.setPassword(password);
        account.setHomeDirectory(root.toString());
        List<Authority> authorities = new ArrayList<>(List.of(new WritePermission()));
        if (downloadBytesPerSecond > 0) {
            authorities.add(new TransferRatePermission(downloadBytesPerSecond, 0));
        }
        account.setAuthorities(authorities);
        users.save(account);
        return users;
    }

    /** A PKCS12 keystore with a self-signed certificate for 127.0.0.1, made by the JDK's keytool. */
    static Path selfSignedKeystore(Path file, String password) throws IOException, InterruptedException {
        Files.deleteIfExists(file);
        keytool(
                file,
                "-genkeypair",
                "-alias",
                "ftps",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "2",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "san=ip:127.0.0.1",
                "-storetype",
                "PKCS12",
                "-keystore",
                file.toString(),
                "-storepass",
                password);
        return file;
    }

    /** A PKCS12 trust store holding only the certificate of that keystore, as the hub's operator would keep it. */
    static Path trustStoreFor(Path keystore, String password, Path file) throws IOException, InterruptedException {
        Files.deleteIfExists(file);
        Path certificate = file.resolveSibling(file.getFileName() + ".cer");
        keytool(
                file,
                "-exportcert",
                "-alias",
                "ftps",
                "-keystore",
                keystore.toString(),
                "-storepass",
                password,
                "-file",
                certificate.toString());
        keytool(
                file,
                "-importcert",
                "-noprompt",
                "-alias",
                "department",
                "-file",
                certificate.toString(),
                "-storetype",
                "PKCS12",
                "-keystore",
                file.toString(),
                "-storepass",
                password);
        return file;
    }

    private static void keytool(Path file, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process keytool = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(new File(file + ".log"))
                .start();
        if (keytool.waitFor() != 0) {
            throw new IOException("keytool " + arguments[0] + " failed, see " + file + ".log");
        }
    }

    static List<Integer> freePorts(int count) throws IOException {
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                held.add(new ServerSocket(0));
            }
            return held.stream().map(ServerSocket::getLocalPort).toList();
        } finally {
            for (ServerSocket s : held) {
                s.close();
            }
        }
    }
}
