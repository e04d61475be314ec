package io.huiju.transform.map;

import static io.huiju.transform.CanonicalField.DECISION_DATE;
import static io.huiju.transform.CanonicalField.DECISION_DOCUMENT_NAME;
import static io.huiju.transform.CanonicalField.DECISION_STATUS;
import static io.huiju.transform.CanonicalField.SUBJECT_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huiju.model.Category;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MappingLoaderTest {

    @TempDir
    Path dir;

    private Path write(String file, String yaml) throws IOException {
        return Files.writeString(dir.resolve(file), yaml);
    }

    private Mapping load(String file, String yaml) throws IOException {
        return MappingLoader.load(write(file, yaml));
    }

    @Test
    void aMinimalValidMappingLoadsEverySection() throws IOException {
        Mapping mapping = load(
                "minimal.yaml",
                """
                # a department's own layout
                name: minimal-penalty
                category: PENALTY
                encoding: GB18030
                delimiter: ";"
                inferSubjectKind: true
                dateFormats: [yyyy-MM-dd, "yyyy年M月d日"]
                columns:
                  subject.name: [行政相对人名称, CF_XDR_MC]
                  decision.date: 处罚决定日期
                  decision.status: [当前状态]
                codeTables:
                  decision.status: {"1": 有效, "2": 无效}
                defaults:
                  decision.documentName: 行政处罚决定书
                """);

        assertThat(mapping.name()).isEqualTo("minimal-penalty");
        assertThat(mapping.file()).isEqualTo("minimal.yaml");
        assertThat(mapping.category()).isEqualTo(Category.PENALTY);
        assertThat(mapping.encoding()).isEqualTo("GB18030");
        assertThat(mapping.delimiter()).isEqualTo(';');
        assertThat(mapping.inferSubjectKind()).isTrue();
        assertThat(mapping.columns())
                .containsExactly(
                        Map.entry(SUBJECT_NAME, List.of("行政相对人名称", "CF_XDR_MC")),
                        Map.entry(DECISION_DATE, List.of("处罚决定日期")),
                        Map.entry(DECISION_STATUS, List.of("当前状态")));
        assertThat(mapping.codeTables()).containsExactly(Map.entry(DECISION_STATUS, Map.of("1", "有效", "2", "无效")));
        assertThat(mapping.defaults()).containsExactly(Map.entry(DECISION_DOCUMENT_NAME, "行政处罚决定书"));
        assertThat(mapping.dateFormats()).hasSize(2);
        assertThat(LocalDate.parse("2024-03-05", mapping.dateFormats().get(0))).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(LocalDate.parse("2024年3月5日", mapping.dateFormats().get(1))).isEqualTo(LocalDate.of(2024, 3, 5));
    }

    @Test
    void columnsKeepTheFileOrderAndATemplatePrefersTheChineseAlias() throws IOException {
        Mapping mapping = load(
                "legacy.yaml",
                """
                name: legacy
                category: PENALTY
                columns:
                  decision.date: [CF_JDRQ, 处罚决定日期]
                  subject.name: [CF_XDR_MC, 行政相对人名称]
                  decision.status: CF_ZT
                """);

        assertThat(mapping.columns().keySet()).containsExactly(DECISION_DATE, SUBJECT_NAME, DECISION_STATUS);
        assertThat(mapping.preferredColumn(DECISION_DATE)).isEqualTo("处罚决定日期");
        assertThat(mapping.preferredColumn(DECISION_STATUS)).isEqualTo("CF_ZT");
        assertThat(mapping.preferredColumn(DECISION_DOCUMENT_NAME)).isNull();
    }

    @Test
    void optionalKeysHaveDefaults() throws IOException {
        Mapping mapping = load(
                "bare.yaml",
                """
                name: bare
                category: LICENSE
                columns:
                  subject.name: 行政相对人名称
                """);

        assertThat(mapping.encoding()).isEqualTo("auto");
        assertThat(mapping.delimiter()).isEqualTo(',');
        assertThat(mapping.inferSubjectKind()).isFalse();
        assertThat(mapping.codeTables()).isEmpty();
        assertThat(mapping.defaults()).isEmpty();
        assertThat(mapping.dateFormats()).hasSize(1);
        assertThat(LocalDate.parse("2024-03-05", mapping.dateFormats().get(0))).isEqualTo(LocalDate.of(2024, 3, 5));
    }

    @Test
    void anUnknownTargetFieldFailsNamingFileAndLine() throws IOException {
        Path file = write(
                "typo.yaml",
                """
                name: typo
                category: PENALTY
                columns:
                  subject.name: [行政相对人名称]
                  subject.nmae: [CF_XDR_MC]
                """);

        assertThatThrownBy(() -> MappingLoader.load(file))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("typo.yaml:5:")
                .hasMessageContaining("unknown target field 'subject.nmae'");
    }

    @Test
    void anUnknownTargetFieldInDefaultsFailsToo() throws IOException {
        Path file = write(
                "typo.yaml",
                """
                name: typo
                category: PENALTY
                columns:
                  subject.name: [行政相对人名称]
                defaults:
                  decision.authorityKode: "{department.uscc}"
                """);

        assertThatThrownBy(() -> MappingLoader.load(file))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("typo.yaml:6:")
                .hasMessageContaining("'decision.authorityKode'");
    }

    @Test
    void aBadDatePatternFailsNamingFileAndLine() throws IOException {
        Path file = write(
                "dates.yaml",
                """
                name: dates
                category: PENALTY
                dateFormats:
                  - yyyy-MM-dd
                  - yyyy-MM-bb
                columns:
                  subject.name: [行政相对人名称]
                """);

        assertThatThrownBy(() -> MappingLoader.load(file))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("dates.yaml:5:")
                .hasMessageContaining("bad date pattern 'yyyy-MM-bb'");
    }

    @Test
    void anUnknownTopLevelKeyFailsNamingFileAndLine() throws IOException {
        Path file = write(
                "keys.yaml",
                """
                name: keys
                category: PENALTY
                columns:
                  subject.name: [行政相对人名称]
                default:
                  decision.documentName: 行政处罚决定书
                """);

        assertThatThrownBy(() -> MappingLoader.load(file))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("keys.yaml:5:")
                .hasMessageContaining("unknown key 'default'");
    }

    @Test
    void anUnknownCategoryFailsNamingFileAndLine() throws IOException {
        Path file = write(
                "category.yaml",
                """
                name: category
                category: PUNISHMENT
                columns:
                  subject.name: [行政相对人名称]
                """);

        assertThatThrownBy(() -> MappingLoader.load(file))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("category.yaml:2:")
                .hasMessageContaining("unknown category 'PUNISHMENT'");
    }

    // "UTF 8" is not even a legal charset name, which Charset reports with an exception of its own.
    @ParameterizedTest
    @ValueSource(strings = {"UTF-9", "UTF 8"})
    void anUnknownEncodingFailsNamingFileAndLine(String encoding) throws IOException {
        Path file = write(
                "encoding.yaml",
                """
                name: encoding
                category: PENALTY
                encoding: "%s"
                columns:
                  subject.name: [行政相对人名称]
                """
                        .formatted(encoding));

        assertThatThrownBy(() -> MappingLoader.load(file))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("encoding.yaml:3:")
                .hasMessageContaining("unknown encoding '" + encoding + "'");
    }

    @Test
    void brokenIndentationFailsNamingFileAndLine() throws IOException {
        Path file = write(
                "indent.yaml",
                """
                name: indent
                category: PENALTY
                columns:
                  subject.name: [行政相对人名称]
                 decision.date: [处罚决定日期]
                """);

        assertThatThrownBy(() -> MappingLoader.load(file))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("indent.yaml:5:")
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void aDuplicateFieldFailsNamingFileAndTheSecondLine() throws IOException {
        Path file = write(
                "duplicate.yaml",
                """
                name: duplicate
                category: PENALTY
                columns:
                  subject.name: [行政相对人名称]
                  decision.date: [处罚决定日期]
                  subject.name: [CF_XDR_MC]
                """);

        assertThatThrownBy(() -> MappingLoader.load(file))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("duplicate.yaml:6:")
                .hasMessageContaining("subject.name");
    }

    @Test
    void aDuplicateTopLevelKeyFailsNamingFileAndTheSecondLine() throws IOException {
        Path file = write(
                "duplicate.yaml",
                """
                name: duplicate
                category: PENALTY
                columns:
                  subject.name: [行政相对人名称]
                category: LICENSE
                """);

        assertThatThrownBy(() -> MappingLoader.load(file))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("duplicate.yaml:5:")
                .hasMessageContaining("category");
    }

    @Test
    void aFieldOfAnotherCategoryFailsNamingFileAndLine() throws IOException {
        Path file = write(
                "category.yaml",
                """
                name: category
                category: PENALTY
                columns:
                  subject.name: [行政相对人名称]
                  license.number: [许可编号]
                """);

        assertThatThrownBy(() -> MappingLoader.load(file))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("category.yaml:5:")
                .hasMessageContaining("license.number does not belong to category PENALTY");
    }

    @Test
    void aDefaultOfAnotherCategoryFailsNamingFileAndLine() throws IOException {
        Path file = write(
                "category.yaml",
                """
                name: category
                category: LICENSE
                columns:
                  subject.name: [行政相对人名称]
                defaults:
                  penalty.kinds: 警告
                """);

        assertThatThrownBy(() -> MappingLoader.load(file))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("category.yaml:6:")
                .hasMessageContaining("penalty.kinds does not belong to category LICENSE");
    }

    @Test
    void aRegistryWithTwoFilesOfTheSameNameFailsNamingTheSecondFileAndLine() throws IOException {
        write(
                "a-penalty.yaml",
                """
                name: penalty
                category: PENALTY
                columns:
                  subject.name: [行政相对人名称]
                """);
        write(
                "b-penalty.yaml",
                """
                # copied from a-penalty.yaml and not renamed
                name: penalty
                category: PENALTY
                columns:
                  subject.name: [CF_XDR_MC]
                """);

        assertThatThrownBy(() -> MappingRegistry.load(dir))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("b-penalty.yaml:2:")
                .hasMessageContaining("name 'penalty' is also used by a-penalty.yaml");
    }

    @Test
    void aRegistryLoadsEveryYamlFileByName() throws IOException {
        write(
                "one.yaml",
                """
                name: one
                category: PENALTY
                columns:
                  subject.name: [行政相对人名称]
                """);
        write(
                "two.yml",
                """
                name: two
                category: LICENSE
                columns:
                  subject.name: [行政相对人名称]
                """);
        write("notes.txt", "not a mapping");

        MappingRegistry registry = MappingRegistry.load(dir);

        assertThat(registry.names()).containsExactlyInAnyOrder("one", "two");
        assertThat(registry.get("two").category()).isEqualTo(Category.LICENSE);
        assertThatThrownBy(() -> registry.get("three")).hasMessageContaining("no mapping named 'three'");
    }
}
