package io.huiju.adapter.file;

import java.util.regex.Pattern;

/**
 * A received file name made safe to use in the hub's own paths and logs. Names come from departments and from remote
 * servers: they may hold {@code ../}, path separators or control characters, and must never steer where the hub
 * writes or forge log lines.
 */
public final class SafeFileNames {

    private static final Pattern UNSAFE = Pattern.compile("[\\p{Cntrl}\\\\/:*?\"<>|]");
    private static final int MAX_LENGTH = 120;

    private SafeFileNames() {}

    public static String of(String received) {
        if (received == null) {
            return "payload";
        }
        String name = received.substring(Math.max(received.lastIndexOf('/'), received.lastIndexOf('\\')) + 1);
        name = UNSAFE.matcher(name).replaceAll("_").replace("..", "_").strip();
        name = name.replaceAll("^[.\\s]+", "");
        if (name.length() > MAX_LENGTH) {
            name = name.substring(name.length() - MAX_LENGTH);
        }
        return name.isEmpty() ? "payload" : name;
    }
}
