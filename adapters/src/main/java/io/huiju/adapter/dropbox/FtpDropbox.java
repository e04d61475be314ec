package io.huiju.adapter.dropbox;

import java.io.File;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.ftpserver.ConnectionConfigFactory;
import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.Authentication;
import org.apache.ftpserver.ftplet.AuthenticationFailedException;
import org.apache.ftpserver.ftplet.DefaultFtpReply;
import org.apache.ftpserver.ftplet.DefaultFtplet;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpFile;
import org.apache.ftpserver.ftplet.FtpReply;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.ftplet.FtpSession;
import org.apache.ftpserver.ftplet.Ftplet;
import org.apache.ftpserver.ftplet.FtpletResult;
import org.apache.ftpserver.ftplet.User;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.listener.Listener;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.ssl.SslConfigurationFactory;
import org.apache.ftpserver.usermanager.UsernamePasswordAuthentication;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.ConcurrentLoginPermission;
import org.apache.ftpserver.usermanager.impl.WritePermission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FTP drop-box (Apache MINA FtpServer): one account per department, jailed in its home by MINA's native file system
 * view (paths are resolved against the home and {@code ..} stops at its root), no anonymous login, explicit TLS when a
 * keystore is configured. When a STOR/APPE ends, the file is handed to the pipeline (see {@link DropboxFolders}).
 */
public final class FtpDropbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FtpDropbox.class);
    private static final Set<String> UPLOADS = Set.of("STOR", "APPE");

    private final FtpServer server;
    private final Listener listener;

    public FtpDropbox(FtpDropboxSettings settings, DepartmentLogin login, DropboxFolders folders) {
        ListenerFactory listenerFactory = new ListenerFactory();
        listenerFactory.setServerAddress(settings.host());
        listenerFactory.setPort(settings.port());
        listenerFactory.setIdleTimeout(settings.idleSeconds());
        DataConnectionConfigurationFactory data = new DataConnectionConfigurationFactory();
        data.setPassivePorts(settings.passivePorts());
        data.setPassiveExternalAddress(settings.passiveAddress());
        data.setIdleTime(settings.idleSeconds());
        // Active mode would have the server connect out to an address the client names: not for a drop-box.
        data.setActiveEnabled(false);
        if (settings.keystore() != null) {
            SslConfigurationFactory ssl = new SslConfigurationFactory();
            ssl.setKeystoreFile(settings.keystore().toFile());
            ssl.setKeystorePassword(settings.keystorePassword());
            listenerFactory.setSslConfiguration(ssl.createSslConfiguration());
            listenerFactory.setImplicitSsl(false);
            data.setSslConfiguration(ssl.createSslConfiguration());
        }
        listenerFactory.setDataConnectionConfiguration(data.createDataConnectionConfiguration());
        listener = listenerFactory.createListener();

        ConnectionConfigFactory connections = new ConnectionConfigFactory();
        connections.setAnonymousLoginEnabled(false);
        connections.setMaxLoginFailures(3);
        connections.setLoginFailureDelay(1000);
        connections.setMaxLogins(100);

        FtpServerFactory factory = new FtpServerFactory();
        factory.addListener("default", listener);
        factory.setConnectionConfig(connections.createConnectionConfig());
        factory.setUserManager(new DepartmentUsers(login, folders, settings.idleSeconds()));
        // MINA clears this map when it stops: it must be mutable.
        Map<String, Ftplet> ftplets = new HashMap<>();
        ftplets.put("handover", new HandOver(folders, settings.keystore() != null && settings.tlsRequired()));
        factory.setFtplets(ftplets);
        server = factory.createServer();
    }

    public FtpDropbox start() throws FtpException {
        server.start();
        LOG.info("FTP drop-box listening on port {}", port());
        return this;
    }

    /** The control port actually bound (useful when configured as 0). */
    public int port() {
        return listener.getPort();
    }

    @Override
    public void close() {
        server.stop();
    }

    /** Departments log in with their code; each lands in its own home, where it may write. */
    private static final class DepartmentUsers implements UserManager {
        private final DepartmentLogin login;
        private final DropboxFolders folders;
        private final int idleSeconds;

        DepartmentUsers(DepartmentLogin login, DropboxFolders folders, int idleSeconds) {
            this.login = login;
            this.folders = folders;
            this.idleSeconds = idleSeconds;
        }

        @Override
        public User authenticate(Authentication authentication) throws AuthenticationFailedException {
            if (authentication instanceof UsernamePasswordAuthentication up
                    && up.getUsername() != null
                    && up.getPassword() != null
                    && login.accepts(up.getUsername(), up.getPassword())) {
                try {
                    return user(up.getUsername());
                } catch (IOException e) {
                    throw new AuthenticationFailedException("home of " + up.getUsername() + " cannot be created", e);
                }
            }
            LOG.warn(
                    "FTP drop-box: failed login as {}",
                    authentication instanceof UsernamePasswordAuthentication up
                            ? up.getUsername()
                            : authentication.getClass().getSimpleName());
            throw new AuthenticationFailedException("bad credentials");
        }

        private User user(String department) throws IOException {
            BaseUser user = new BaseUser();
            user.setName(department);
            user.setHomeDirectory(folders.home(department).toString());
            user.setEnabled(true);
            user.setMaxIdleTime(idleSeconds);
            user.setAuthorities(List.of(new WritePermission(), new ConcurrentLoginPermission(10, 10)));
            return user;
        }

        @Override
        public User getUserByName(String name) {
            return null; // known only once the password is checked
        }

        @Override
        public String[] getAllUserNames() {
            return new String[0];
        }

        @Override
        public void delete(String name) {
            throw new UnsupportedOperationException("drop-box accounts come from the department registry");
        }

        @Override
        public void save(User user) {
            throw new UnsupportedOperationException("drop-box accounts come from the department registry");
        }

        @Override
        public boolean doesExist(String name) {
            return false;
        }

        @Override
        public String getAdminName() {
            return null;
        }

        @Override
        public boolean isAdmin(String name) {
            return false;
        }
    }

    /** Hands each finished upload to the pipeline, complete (226) or broken off (anything else). */
    private static final class HandOver extends DefaultFtplet {
        private final DropboxFolders folders;
        private final boolean tlsRequired;

        HandOver(DropboxFolders folders, boolean tlsRequired) {
            this.folders = folders;
            this.tlsRequired = tlsRequired;
        }

        @Override
        public FtpletResult beforeCommand(FtpSession session, FtpRequest request) throws FtpException, IOException {
            String command = request.getCommand().toUpperCase();
            if (tlsRequired && !session.isSecure() && (command.equals("USER") || command.equals("PASS"))) {
                session.write(new DefaultFtpReply(FtpReply.REPLY_530_NOT_LOGGED_IN, "Use AUTH TLS before logging in"));
                return FtpletResult.SKIP;
            }
            return FtpletResult.DEFAULT;
        }

        @Override
        public FtpletResult afterCommand(FtpSession session, FtpRequest request, FtpReply reply)
                throws FtpException, IOException {
            if (UPLOADS.contains(request.getCommand().toUpperCase())
                    && request.hasArgument()
                    && session.getUser() != null) {
                FtpFile file = session.getFileSystemView().getFile(request.getArgument());
                if (file.getPhysicalFile() instanceof File physical && physical.isFile()) {
                    boolean complete = reply != null && reply.getCode() == FtpReply.REPLY_226_CLOSING_DATA_CONNECTION;
                    folders.handOver(session.getUser().getName(), physical.toPath(), complete);
                }
            }
            return FtpletResult.DEFAULT;
        }
    }
}
