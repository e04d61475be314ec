package io.huiju.adapter.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.huiju.adapter.soap.api.Category;
import io.huiju.adapter.soap.api.Field;
import io.huiju.adapter.soap.api.HubFault_Exception;
import io.huiju.adapter.soap.api.ListEntry;
import io.huiju.adapter.soap.api.ListSubject;
import io.huiju.adapter.soap.api.Penalty;
import io.huiju.adapter.soap.api.PenaltyKind;
import io.huiju.adapter.soap.api.Record;
import io.huiju.adapter.soap.api.Subject;
import io.huiju.adapter.soap.api.SubjectKind;
import io.huiju.adapter.soap.api.Submit;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import org.junit.jupiter.api.Test;

class TypedRecordsTest {

    @Test
    void aTypedPenaltyBecomesTheGenericRecordOfItsNationalCodes() throws Exception {
        Submit batch = new Submit();
        batch.setCategory(Category.PENALTY);
        batch.setReference("三月");
        batch.getPenalty().add(penalty());

        Submit generic = TypedRecords.asGeneric(batch);

        assertThat(generic.getReference()).isEqualTo("三月");
        assertThat(generic.getPenalty()).isEmpty();
        assertThat(fields(generic.getRecord().get(0)))
                .containsExactly(
                        Map.entry("CF_XDR_MC", "龙岩市新罗区恒达贸易有限公司"),
                        Map.entry("CF_XDR_LB", "法人及非法人组织"),
                        Map.entry("CF_XDR_SHXYM", "91350802MA2XY3K1XH"),
                        Map.entry("CF_WSH", "岩市监罚〔2024〕12号"),
                        Map.entry("CF_SY", "销售不合格电线"),
                        Map.entry("CF_YJ", "《中华人民共和国产品质量法》第四十九条"),
                        Map.entry("CF_CFLB", "警告、罚款"),
                        Map.entry("CF_NR", "警告，罚款2000元"),
                        Map.entry("CF_NR_FK", "0.2"),
                        Map.entry("CF_JDRQ", "2024-03-05"),
                        Map.entry("CF_CFJG", "龙岩市市场监督管理局"),
                        Map.entry("CF_CFJGDM", "11350800MB0281236E"));
    }

    @Test
    void listEntriesUseTheCodesOfTheirList() throws Exception {
        ListEntry entry = new ListEntry();
        ListSubject subject = new ListSubject();
        subject.setKind(SubjectKind.NATURAL_PERSON);
        subject.setName("李四");
        subject.setIdNumber("11010519491231002X");
        entry.setSubject(subject);
        entry.setReason("拒不履行生效判决");
        entry.setInclusionDate(date("2024-01-10"));
        Submit batch = new Submit();
        batch.setCategory(Category.BLACK_LIST);
        batch.getBlackList().add(entry);

        assertThat(fields(TypedRecords.asGeneric(batch).getRecord().get(0)))
                .containsEntry("HEIMD_XDR_LB", "自然人")
                .containsEntry("HEIMD_XDR_ZJHM", "11010519491231002X")
                .containsEntry("HEIMD_RDYJ", "拒不履行生效判决")
                .containsEntry("HEIMD_LRRQ", "2024-01-10");
    }

    @Test
    void typedRecordsOfAnotherCategoryAreASchemaViolation() throws Exception {
        Submit batch = new Submit();
        batch.setCategory(Category.LICENSE);
        batch.getPenalty().add(penalty());

        HubFault_Exception fault = assertThrows(HubFault_Exception.class, () -> TypedRecords.asGeneric(batch));

        assertThat(fault.getFaultInfo().getCode()).isEqualTo(SoapFaults.SCHEMA_VIOLATION);
        assertThat(fault.getFaultInfo().getReason()).isEqualTo("类别为 LICENSE 的批次不能包含 penalty 记录（应为 license 或通用 record）");
    }

    @Test
    void aGenericBatchIsLeftAsItIs() throws Exception {
        Submit batch = new Submit();
        batch.setCategory(Category.PENALTY);
        batch.getRecord().add(new Record());

        assertThat(TypedRecords.asGeneric(batch)).isSameAs(batch);
    }

    private static Penalty penalty() throws Exception {
        Subject subject = new Subject();
        subject.setKind(SubjectKind.LEGAL_PERSON);
        subject.setName("龙岩市新罗区恒达贸易有限公司");
        subject.setUscc("91350802MA2XY3K1XH");
        Penalty p = new Penalty();
        p.setSubject(subject);
        p.setDocumentNumber("岩市监罚〔2024〕12号");
        p.setFacts("销售不合格电线");
        p.setLegalBasis("《中华人民共和国产品质量法》第四十九条");
        p.getKind().add(PenaltyKind.WARNING);
        p.getKind().add(PenaltyKind.FINE);
        p.setContent("警告，罚款2000元");
        p.setFineAmount(new BigDecimal("0.200000").stripTrailingZeros());
        p.setDecisionDate(date("2024-03-05"));
        p.setAuthority("龙岩市市场监督管理局");
        p.setAuthorityCode("11350800MB0281236E");
        return p;
    }

    private static XMLGregorianCalendar date(String text) throws Exception {
        return DatatypeFactory.newInstance().newXMLGregorianCalendar(text);
    }

    private static Map<String, String> fields(Record record) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Field f : record.getField()) {
            fields.put(f.getCode(), f.getValue());
        }
        return fields;
    }
}
