package io.huiju.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CreditRecordTest {

    static Subject company() {
        return new Subject(
                SubjectKind.LEGAL_PERSON,
                "龙岩市新罗区恒达贸易有限公司",
                "91350802MA2XY3K1XH",
                null,
                null,
                null,
                null,
                null,
                "王建国",
                null,
                null,
                null,
                null);
    }

    static Decision decision(String content) {
        return new Decision(
                "行政处罚决定书",
                "岩市监罚〔2024〕1号",
                LocalDate.of(2024, 3, 5),
                null,
                null,
                content,
                "龙岩市市场监督管理局",
                "11350800MB0281236E",
                null,
                null,
                null,
                null);
    }

    static PenaltyDetails fine(String amount) {
        return new PenaltyDetails(
                "销售不合格产品", "事实", "依据", List.of("罚款"), new BigDecimal(amount), null, null, LocalDate.of(2025, 3, 5));
    }

    static Provenance from(String department, long line) {
        return new Provenance(
                department, "350800", Channel.FILE, "P-" + line, line, Instant.parse("2024-03-06T00:00:00Z"));
    }

    static CreditRecord record(String content, String amount, Provenance provenance) {
        return CreditRecord.of(Category.PENALTY, company(), decision(content), fine(amount), provenance);
    }

    @Test
    void theNaturalKeyIsCategoryAuthorityDocumentAndSubject() {
        CreditRecord r = record("罚款2000元", "0.2", from("scjg", 2));

        assertThat(r.identity().naturalKey()).isEqualTo("CF|11350800MB0281236E|岩市监罚〔2024〕1号|91350802MA2XY3K1XH");
        assertThat(r.identity().version()).isZero();
        assertThat(r.library()).isEqualTo(Library.LEGAL_PERSON);
    }

    @Test
    void whoSentItAndWhereInTheFileDoNotChangeItsIdentityOrHash() {
        CreditRecord a = record("罚款2000元", "0.2", from("scjg", 2));
        CreditRecord b = record("罚款2000元", "0.20", from("zf", 99));

        assertThat(b.identity().recordId()).isEqualTo(a.identity().recordId());
        assertThat(b.identity().contentHash()).isEqualTo(a.identity().contentHash());
    }

    @Test
    void anyChangeOfContentChangesTheHashButNotTheRecordId() {
        CreditRecord a = record("罚款2000元", "0.2", from("scjg", 2));
        CreditRecord otherText = record("罚款3000元", "0.2", from("scjg", 2));
        CreditRecord otherFine = record("罚款2000元", "0.3", from("scjg", 2));

        assertThat(otherText.identity().contentHash()).isNotEqualTo(a.identity().contentHash());
        assertThat(otherFine.identity().contentHash()).isNotEqualTo(a.identity().contentHash());
        assertThat(otherFine.identity().recordId()).isEqualTo(a.identity().recordId());
    }

    @Test
    void aNullAndAnEmptyListHashTheSame() {
        PenaltyDetails none = new PenaltyDetails("v", "f", "b", null, null, null, null, null);
        PenaltyDetails empty = new PenaltyDetails("v", "f", "b", List.of(), null, null, null, null);

        assertThat(CreditRecord.of(Category.PENALTY, company(), decision("x"), none, from("scjg", 1))
                        .identity()
                        .contentHash())
                .isEqualTo(CreditRecord.of(Category.PENALTY, company(), decision("x"), empty, from("scjg", 1))
                        .identity()
                        .contentHash());
    }

    @Test
    void aNewVersionKeepsTheRestOfTheIdentity() {
        CreditRecord a = record("罚款2000元", "0.2", from("scjg", 2));

        CreditRecord v2 = a.withVersion(2);

        assertThat(v2.identity().version()).isEqualTo(2);
        assertThat(v2.identity().naturalKey()).isEqualTo(a.identity().naturalKey());
        assertThat(v2.identity().contentHash()).isEqualTo(a.identity().contentHash());
    }
}
