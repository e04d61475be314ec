package io.huiju.adapter.file;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeFileNamesTest {

    @Test
    void keepsAnOrdinaryChineseName() {
        assertThat(SafeFileNames.of("行政处罚2024年3月.csv")).isEqualTo("行政处罚2024年3月.csv");
    }

    @Test
    void dropsDirectoriesAndParentSteps() {
        assertThat(SafeFileNames.of("../../etc/passwd.csv")).isEqualTo("passwd.csv");
        assertThat(SafeFileNames.of("..\\..\\windows\\win.ini")).isEqualTo("win.ini");
        assertThat(SafeFileNames.of("a..b.csv")).isEqualTo("a_b.csv");
    }

    @Test
    void replacesControlCharactersSoLogLinesCannotBeForged() {
        assertThat(SafeFileNames.of("bad\nINFO forged\r\t.csv")).isEqualTo("bad_INFO forged__.csv");
    }

    @Test
    void neverReturnsAHiddenOrEmptyName() {
        assertThat(SafeFileNames.of("..")).isEqualTo("_");
        assertThat(SafeFileNames.of(".hidden.csv")).isEqualTo("hidden.csv");
        assertThat(SafeFileNames.of("")).isEqualTo("payload");
        assertThat(SafeFileNames.of(null)).isEqualTo("payload");
    }

    @Test
    void keepsTheEndOfAVeryLongNameSoTheExtensionSurvives() {
        String name = "x".repeat(500) + ".csv";
        assertThat(SafeFileNames.of(name)).hasSize(120).endsWith(".csv");
    }
}
