package io.huiju.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.FileDeploymentManager;
import org.apache.activemq.artemis.core.config.impl.FileConfiguration;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager;

/**
 * The city's and the province's brokers from the repository's own artemis/city/broker.xml and
 * artemis/province/broker.xml, in this JVM: separate journals under target/, real TCP on 127.0.0.1 (free ports passed
 * through the files' ${huiju.*.port} placeholders), the core bridges as configured. Only security is off, because the
 * test has no user store; the bridges and the hubs log in with nothing.
 */
final class SyncBrokers implements AutoCloseable {

    final int cityPort = freePort();
    final int provincePort = freePort();
    final EmbeddedActiveMQ city;
    final EmbeddedActiveMQ province;

    SyncBrokers(Path home) throws Exception {
        ports(cityPort, provincePort);
        province = start("province", home.resolve("province-broker"));
        city = start("city", home.resolve("city-broker"));
    }

    /** The broker.xml files' placeholders: both brokers on 127.0.0.1, on these ports. */
    static void ports(int cityPort, int provincePort) {
        System.setProperty("huiju.city.host", "127.0.0.1");
        System.setProperty("huiju.city.port", String.valueOf(cityPort));
        System.setProperty("huiju.city.350800.host", "127.0.0.1");
        System.setProperty("huiju.city.350800.port", String.valueOf(cityPort));
        System.setProperty("huiju.province.host", "127.0.0.1");
        System.setProperty("huiju.province.port", String.valueOf(provincePort));
    }

    static EmbeddedActiveMQ start(String side, Path data) throws Exception {
        return start(side, data, null);
    }

    /** With a security manager: security on, as in the file, the logins checked by it; without one, security off. */
    static EmbeddedActiveMQ start(String side, Path data, ActiveMQSecurityManager security) throws Exception {
        FileConfiguration config = new FileConfiguration();
        FileDeploymentManager files = new FileDeploymentManager(
                TestHome.REPO.resolve("artemis/" + side + "/broker.xml").toUri().toString());
        files.addDeployable(config);
        files.readConfiguration();
        config.setSecurityEnabled(security != null);
        config.setBindingsDirectory(data.resolve("bindings").toString());
        config.setJournalDirectory(data.resolve("journal").toString());
        config.setPagingDirectory(data.resolve("paging").toString());
        config.setLargeMessagesDirectory(data.resolve("large-messages").toString());
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
        broker.setConfiguration(config);
        if (security != null) {
            broker.setSecurityManager(security);
        }
        broker.start();
        return broker;
    }

    String cityUrl() {
        return "tcp://127.0.0.1:" + cityPort;
    }

    String provinceUrl() {
        return "tcp://127.0.0.1:" + provincePort;
    }

    static long depth(EmbeddedActiveMQ broker, String queue) {
        Queue q = broker.getActiveMQServer().locateQueue(SimpleString.of(queue));
        return q == null ? 0 : q.getMessageCount();
    }

    @Override
    public void close() throws Exception {
        city.stop();
        province.stop();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
