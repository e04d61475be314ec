package io.huiju.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.huiju.model.code.ResidentId;
import io.huiju.model.code.Uscc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PenaltyFileGeneratorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 1, 1);

    @TempDir
    Path dir;

    @Test
    void writesTheNationalHeadersAndTheAnnouncedMix() throws IOException {
        Path file = dir.resolve("p.csv");
        PenaltyFileGenerator.Counts counts = new PenaltyFileGenerator(7).write(5_000, file);

        List<String[]> rows = read(file);
        assertThat(rows.get(0)).containsExactlyElementsOf(PenaltyLayout.HEADERS);
        assertThat(rows).hasSize(5_001);
        assertThat(counts.fresh() + counts.updates() + counts.invalid()).isEqualTo(5_000);
        assertThat(counts.updates()).isBetween(400L, 600L);
        assertThat(counts.invalid()).isBetween(60L, 140L);

        Set<String> keys = new HashSet<>();
        long badUscc = 0;
        for (String[] r : rows.subList(1, rows.size())) {
            assertThat(r).hasSize(30);
            assertThat(Uscc.isValid(r[PenaltyLayout.AUTHORITY_USCC])).isTrue();
            if (!r[PenaltyLayout.USCC].isEmpty() && !Uscc.isValid(r[PenaltyLayout.USCC])) {
                badUscc++;
            }
            if (!r[PenaltyLayout.ID_NUMBER].isEmpty()) {
                assertThat(ResidentId.isValid(r[PenaltyLayout.ID_NUMBER], TODAY))
                        .isTrue();
            }
            keys.add(r[PenaltyLayout.AUTHORITY_USCC] + "|" + r[PenaltyLayout.DOCUMENT_NUMBER] + "|"
                    + r[PenaltyLayout.USCC] + r[PenaltyLayout.ID_NUMBER]);
        }
        assertThat(badUscc).isEqualTo(counts.invalidByDefect().get(PenaltyFileGenerator.Defect.WRONG_USCC_CHECK));
        assertThat(keys).hasSize((int) (counts.fresh() + counts.invalid()));
    }

    @Test
    void theSameSeedWritesTheSameFile() throws IOException {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        new PenaltyFileGenerator(11).write(2_000, a);
        new PenaltyFileGenerator(11).write(2_000, b);
        assertThat(Files.mismatch(a, b)).isEqualTo(-1L);
    }

    /** A minimal RFC 4180 reader: enough to check the writer's quoting from the outside. */
    private static List<String[]> read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<String[]> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\r') {
                fields.add(field.toString());
                field.setLength(0);
                rows.add(fields.toArray(String[]::new));
                fields.clear();
                i++; // the \n of CRLF
            } else {
                field.append(c);
            }
        }
        return rows;
    }
}
