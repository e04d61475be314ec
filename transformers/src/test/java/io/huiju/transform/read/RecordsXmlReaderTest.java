package io.huiju.transform.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.huiju.transform.RawRecord;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordsXmlReaderTest {

    private static RecordsXmlReader open(String xml) throws PayloadException {
        return RecordsXmlReader.open(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<RawRecord> all(RecordsXmlReader reader) {
        List<RawRecord> rows = new ArrayList<>();
        reader.forEachRemaining(rows::add);
        return rows;
    }

    @Test
    void readsTheColumnsAsHeaderAndEachRecordByCodeWithItsPosition() throws Exception {
        try (RecordsXmlReader reader = open(
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <records xmlns="urn:huiju:records:1">
                  <columns><column>CF_XDR_MC</column><column>CF_WSH</column></columns>
                  <!-- a comment is not a record -->
                  <record><field code="CF_WSH">岩罚〔2024〕1号</field><field code="CF_XDR_MC">恒达 &amp; 公司</field></record>
                  <record><field code="CF_WSH">岩罚〔2024〕2号</field></record>
                </records>
                """)) {
            assertThat(reader.header()).containsExactly("CF_XDR_MC", "CF_WSH");
            List<RawRecord> rows = all(reader);
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).line()).isEqualTo(1);
            assertThat(rows.get(0).fields())
                    .containsEntry("CF_XDR_MC", "恒达 & 公司")
                    .containsEntry("CF_WSH", "岩罚〔2024〕1号");
            assertThat(rows.get(1).line()).isEqualTo(2);
            assertThat(rows.get(1).fields()).containsOnlyKeys("CF_WSH");
            assertThat(rows.get(1).isDefective()).isFalse();
        }
    }

    @Test
    void aFieldTwiceOrOutsideTheColumnsMakesTheRecordDefectiveAndReadingGoesOn() throws Exception {
        try (RecordsXmlReader reader = open(
                """
                <records xmlns="urn:huiju:records:1"><columns><column>CF_WSH</column></columns>
                <record><field code="CF_WSH">1</field><field code="CF_WSH">2</field></record>
                <record><field code="CF_NR">x</field></record>
                <record><field code="CF_WSH">3</field></record></records>""")) {
            List<RawRecord> rows = all(reader);
            assertThat(rows)
                    .extracting(RawRecord::defectCode)
                    .containsExactly(RecordsXmlReader.DUPLICATE_FIELD, RecordsXmlReader.UNKNOWN_FIELD, null);
        }
    }

    @Test
    void anotherDocumentIsRefusedAsAWhole() {
        PayloadException e = assertThrows(PayloadException.class, () -> open("<submit xmlns=\"urn:huiju:credit:1\"/>"));
        assertThat(e.code()).isEqualTo(PayloadException.READ_ERROR);
        assertThat(assertThrows(PayloadException.class, () -> open("not xml")).code())
                .isEqualTo(PayloadException.READ_ERROR);
    }

    @Test
    void entitiesAreNeverExpanded() {
        String xxe =
                """
                <?xml version="1.0"?>
                <!DOCTYPE records [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <records xmlns="urn:huiju:records:1"><columns><column>&x;</column></columns></records>""";
        assertThrows(PayloadException.class, () -> open(xxe));
    }
}
