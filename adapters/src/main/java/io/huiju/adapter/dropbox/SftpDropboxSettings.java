package io.huiju.adapter.dropbox;

import java.nio.file.Path;

/**
 * How the SFTP drop-box listens.
 *
 * @param host address to bind
 * @param port 0 picks a free one (tests)
 * @param hostKey file holding the server's host key, generated on first start and kept, so clients that pinned it in
 *     their known_hosts keep trusting the hub after a restart
 * @param idleSeconds a session silent this long is closed
 */
public record SftpDropboxSettings(String host, int port, Path hostKey, int idleSeconds) {}
