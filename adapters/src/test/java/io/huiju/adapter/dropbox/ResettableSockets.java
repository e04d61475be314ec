package io.huiju.adapter.dropbox;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import javax.net.SocketFactory;

/**
 * Plain sockets for a client under test, remembered, so a test can cut a transfer the way a crashed client or a broken
 * line does: with a reset, not an orderly close (which FTP cannot tell from the end of a file).
 */
public final class ResettableSockets extends SocketFactory {
    private final List<Socket> made = new ArrayList<>();

    /** Resets the connection made last (for an FTP client in a transfer: its data connection). */
    public synchronized void resetLast() throws IOException {
        Socket last = made.get(made.size() - 1);
        last.setSoLinger(true, 0);
        last.close();
    }

    private synchronized Socket keep(Socket s) {
        made.add(s);
        return s;
    }

    @Override
    public Socket createSocket() {
        return keep(new Socket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return keep(new Socket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
        return keep(new Socket(host, port, local, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return keep(new Socket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
        return keep(new Socket(host, port, local, localPort));
    }
}
