package io.huiju.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * A department's SFTP server (Apache MINA SSHD on 127.0.0.1): one user with a password, jailed in a folder holding
 * {@code outbox/} and {@code feedback/}, and a host key of its own that the hub must know beforehand.
 */
final class TestSftpServer {

    final Path root;
    final int port;
    private final SshServer server;
    private final KeyPair hostKey;
    private final AtomicInteger passwordAttempts = new AtomicInteger();

    TestSftpServer(Path root, String user, String password) throws IOException, GeneralSecurityException {
        this.root = root;
        Files.createDirectories(root.resolve("outbox"));
        Files.createDirectories(root.resolve("feedback"));
        this.port = TestFtpServer.freePorts(1).get(0);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        this.hostKey = generator.generateKeyPair();
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(port);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPasswordAuthenticator((u, p, session) -> {
            passwordAttempts.incrementAndGet();
            return user.equals(u) && password.equals(p);
        });
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new VirtualFileSystemFactory(root));
    }

    TestSftpServer start() throws IOException {
        server.start();
        return this;
    }

    void stop() throws IOException {
        server.stop(true);
    }

    /** How many times a client has sent this server a password. */
    int passwordAttempts() {
        return passwordAttempts.get();
    }

    /** This server's line for an OpenSSH known_hosts file, as ssh-keyscan would print it. */
    String knownHostsLine() {
        return "[127.0.0.1]:" + port + " " + PublicKeyEntry.toString(hostKey.getPublic());
    }

    /** Writes under a temporary name and renames, as a careful department system does. */
    void upload(String name, byte[] bytes) throws IOException {
        Path partial = root.resolve("outbox").resolve("." + name + ".part");
        Files.write(partial, bytes);
        Files.move(partial, root.resolve("outbox").resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    boolean has(String folder, String suffix) throws IOException {
        return HubTest.findUnder(root.resolve(folder), suffix);
    }
}
