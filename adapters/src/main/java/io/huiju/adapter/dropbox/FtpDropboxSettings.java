package io.huiju.adapter.dropbox;

import java.nio.file.Path;

/**
 * How the FTP drop-box listens.
 *
 * @param host address to bind, e.g. {@code 127.0.0.1} or {@code 0.0.0.0}
 * @param port control port; 0 picks a free one (tests)
 * @param passivePorts MINA's passive port syntax ({@code 2130-2149}, or {@code 0} for any free port)
 * @param passiveAddress the address announced to clients in PASV replies (behind NAT), or null for the bound one
 * @param idleSeconds a session silent this long is closed, so an abandoned upload does not hold its file for ever
 * @param keystore a JKS/PKCS12 keystore with the server certificate to offer explicit TLS (AUTH TLS), or null for none
 * @param keystorePassword its password
 * @param tlsRequired refuse logins on a connection that has not switched to TLS (when a keystore is given)
 */
public record FtpDropboxSettings(
        String host,
        int port,
        String passivePorts,
        String passiveAddress,
        int idleSeconds,
        Path keystore,
        String keystorePassword,
        boolean tlsRequired) {}
