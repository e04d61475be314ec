package io.huiju.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name value} and {@code --flag} arguments; anything unknown stops the run with the usage line. */
final class Args {

    private final Map<String, String> values = new HashMap<>();
    private final String usage;

    private Args(String usage) {
        this.usage = usage;
    }

    static Args parse(String[] argv, Set<String> options, Set<String> flags, String usage) {
        Args args = new Args(usage);
        for (int i = 0; i < argv.length; i++) {
            String name = argv[i];
            if (flags.contains(name)) {
                args.values.put(name, "true");
            } else if (options.contains(name) && i + 1 < argv.length) {
                args.values.put(name, argv[++i]);
            } else {
                throw new IllegalArgumentException("unknown or incomplete argument '" + name + "'\nusage: " + usage);
            }
        }
        return args;
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    String require(String name) {
        String v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException(name + " is required\nusage: " + usage);
        }
        return v;
    }

    long getLong(String name, long fallback) {
        String v = values.get(name);
        try {
            return v == null ? fallback : Long.parseLong(v.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + v + "'\nusage: " + usage);
        }
    }

    boolean has(String flag) {
        return values.containsKey(flag);
    }
}
