package io.huiju.hub.dropbox;

import io.huiju.adapter.dropbox.DropboxFolders;
import io.huiju.adapter.dropbox.FtpDropbox;
import io.huiju.adapter.dropbox.FtpDropboxSettings;
import io.huiju.adapter.dropbox.SftpDropbox;
import io.huiju.adapter.dropbox.SftpDropboxSettings;
import io.huiju.hub.config.HubProperties;
import io.huiju.hub.config.HubProperties.Ftp;
import io.huiju.hub.config.HubProperties.Sftp;
import io.huiju.hub.security.DepartmentPasswords;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The drop-box servers (see {@code adapters/dropbox}), started with the hub. Each department with a login has an
 * account; what it uploads is taken by its {@code dropbox} route (routes/templates/dropbox.camel.yaml).
 */
@Configuration(proxyBeanMethods = false)
class DropboxServers {

    @Bean
    DropboxFolders dropboxFolders(HubProperties properties) {
        return new DropboxFolders(properties.getDropboxRoot(), properties.getDropboxReady());
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    @ConditionalOnProperty(name = "huiju.dropbox.ftp.enabled", matchIfMissing = true)
    FtpDropbox ftpDropbox(HubProperties properties, DepartmentPasswords logins, DropboxFolders folders) {
        Ftp ftp = properties.getDropbox().getFtp();
        if (ftp.getKeystore() != null && ftp.getKeystorePassword() == null) {
            throw new IllegalStateException("huiju.dropbox.ftp.keystore is set but huiju.dropbox.ftp.keystore-password"
                    + " is not (give it from the environment: HUIJU_DROPBOX_FTP_KEYSTOREPASSWORD)");
        }
        return new FtpDropbox(
                new FtpDropboxSettings(
                        ftp.getHost(),
                        ftp.getPort(),
                        ftp.getPassivePorts(),
                        ftp.getPassiveAddress(),
                        (int) ftp.getIdleTimeout().toSeconds(),
                        ftp.getKeystore(),
                        ftp.getKeystorePassword(),
                        ftp.isTlsRequired()),
                logins,
                folders);
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    @ConditionalOnProperty(name = "huiju.dropbox.sftp.enabled", matchIfMissing = true)
    SftpDropbox sftpDropbox(HubProperties properties, DepartmentPasswords logins, DropboxFolders folders) {
        Sftp sftp = properties.getDropbox().getSftp();
        return new SftpDropbox(
                new SftpDropboxSettings(sftp.getHost(), sftp.getPort(), properties.getDropboxHostKey(), (int)
                        sftp.getIdleTimeout().toSeconds()),
                logins,
                folders);
    }
}
