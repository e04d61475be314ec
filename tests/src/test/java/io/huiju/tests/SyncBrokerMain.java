package io.huiju.tests;

import java.nio.file.Path;

/**
 * One broker of {@link SyncBrokers} as a process of its own, so a test can kill it (SIGKILL) and start it again on
 * the same journal: {@code SyncBrokerMain city|province <data folder> <city port> <province port>}.
 */
public final class SyncBrokerMain {

    private SyncBrokerMain() {}

    public static void main(String[] args) throws Exception {
        SyncBrokers.ports(Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        SyncBrokers.start(args[0], Path.of(args[1]));
        System.out.println("Broker " + args[0] + " started");
        Thread.currentThread().join();
    }
}
