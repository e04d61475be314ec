package io.huiju.bench;

import java.util.Set;

/**
 * What every benchmark's {@code main} does: parse the arguments, run, and exit with the run's code; 2 for a setup
 * problem (a bad argument, a hub that does not come up), with the reason on stderr.
 */
final class BenchMain {

    /** One benchmark run over its parsed arguments; returns the exit code. */
    @FunctionalInterface
    interface Benchmark {
        int run(Args args) throws Exception;
    }

    private BenchMain() {}

    static void exit(String[] argv, Set<String> options, Set<String> flags, String usage, Benchmark benchmark) {
        int code;
        try {
            code = benchmark.run(Args.parse(argv, options, flags, usage));
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("bench: " + e.getMessage());
            code = 2;
        } catch (Exception e) {
            e.printStackTrace();
            code = 2;
        }
        System.exit(code);
    }
}
