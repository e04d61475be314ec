package io.huiju.bench;

import java.util.List;
import java.util.SplittableRandom;

/** Random choices the catalogues share. */
final class Pick {

    private Pick() {}

    static <T> T one(SplittableRandom r, List<T> items) {
        return items.get(r.nextInt(items.size()));
    }

    static String one(SplittableRandom r, String[] items) {
        return items[r.nextInt(items.length)];
    }

    /** A positive amount rounded to 100 yuan, log-uniform between the bounds so small fines dominate. */
    static long yuan(SplittableRandom r, long min, long max) {
        double v = Math.exp(Math.log(min) + r.nextDouble() * (Math.log(max) - Math.log(min)));
        long rounded = Math.round(v / 100.0) * 100;
        return Math.max(100, Math.min(max, Math.max(min, rounded)));
    }

    static String digits(SplittableRandom r, int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append((char) ('0' + r.nextInt(10)));
        }
        return b.toString();
    }
}
