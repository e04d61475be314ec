package io.huiju.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The browser tests' scripts in tests/browser: Debian's {@code chromium} driven by npm's {@code playwright-core}
 * ({@code npm ci} installs it there on first use; .ci/run installs chromium).
 */
final class BrowserScripts {

    static final Path DIR = TestHome.REPO.resolve("tests/browser");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private BrowserScripts() {}

    static void installed() throws Exception {
        assertThat(CHROMIUM)
                .as("Debian's chromium (apt-get install chromium; .ci/run installs it)")
                .isExecutable();
        if (!Files.isDirectory(DIR.resolve("node_modules/playwright-core"))) {
            // package-lock.json pins playwright-core; it never downloads a browser of its own
            assertThat(run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), "npm-ci"))
                    .as("npm ci in tests/browser (see target/npm-ci.log)")
                    .isZero();
        }
    }

    /** Runs a command in tests/browser, its output in target/{log}.log, and returns its exit code. */
    static int run(List<String> command, Map<String, String> env, String log) throws IOException, InterruptedException {
        File out = Path.of("target", log + ".log").toAbsolutePath().toFile();
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(DIR.toFile())
                .redirectErrorStream(true)
                .redirectOutput(out);
        builder.environment().putAll(env);
        Process process = builder.start();
        // a guard against a hung browser, not a measure: the scripts wait up to two minutes per step themselves
        if (!process.waitFor(20, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}
