package io.huiju.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.huiju.adapter.soap.api.Category;
import io.huiju.adapter.soap.api.CreditPort;
import io.huiju.adapter.soap.api.HubFault_Exception;
import io.huiju.adapter.soap.api.License;
import io.huiju.adapter.soap.api.ListEntry;
import io.huiju.adapter.soap.api.ListSubject;
import io.huiju.adapter.soap.api.Outcome;
import io.huiju.adapter.soap.api.Penalty;
import io.huiju.adapter.soap.api.PenaltyKind;
import io.huiju.adapter.soap.api.Receipt;
import io.huiju.adapter.soap.api.RecordOutcome;
import io.huiju.adapter.soap.api.Subject;
import io.huiju.adapter.soap.api.SubjectKind;
import io.huiju.adapter.soap.api.Submit;
import io.huiju.adapter.soap.api.SubmitResponse;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import org.junit.jupiter.api.Test;

/**
 * Typed records (one element per category, typed fields) and the SOAP 1.2 port, in the same hub as
 * {@link SoapChannelIT}. A typed record must come out exactly as the generic record of its field codes would: the same
 * checks, the same libraries, the same receipt.
 */
class SoapTypedRecordsIT extends SoapTest {

    static final String COMPANY_CODE = PenaltyFile.COMPANY_CODE;
    static final String AUTHORITY_CODE = PenaltyFile.AUTHORITY_CODE;

    /** Document numbers of this run, so reruns against the same database never meet. */
    final String run = UUID.randomUUID().toString().substring(0, 6);

    // ---------------------------------------------------------------- the contract

    @Test
    void theWsdlOffersBothSoapVersionsAndTheSchemaTheTypedRecords() throws Exception {
        String services = "http://127.0.0.1:" + port + "/services";
        for (String address : List.of("/services/credit?wsdl", "/services/credit12?wsdl")) {
            HttpResponse<String> wsdl = get(address);
            assertThat(wsdl.statusCode()).isEqualTo(200);
            assertThat(wsdl.body())
                    .contains("http://schemas.xmlsoap.org/wsdl/soap12/")
                    .contains("<soap:address location=\"" + services + "/credit\"/>")
                    .contains("<soap12:address location=\"" + services + "/credit12\"/>");
        }
        HttpResponse<String> schema = get("/services/credit?xsd=credit.xsd");
        assertThat(schema.body())
                .contains("name=\"penalty\"")
                .contains("name=\"redList\"")
                .contains("<xs:enumeration value=\"法人及非法人组织\"/>")
                .contains("xml:lang=\"en\"");
    }

    // ---------------------------------------------------------------- typed records, same pipeline

    @Test
    void aTypedPenaltyWithAWrongCheckCharacterIsRejectedWithTheReasonAndItsNeighbourStored() throws Exception {
        Penalty good = penalty("1");
        Penalty wrong = penalty("2");
        wrong.getSubject().setUscc("91350802MA2XY3K1XJ");
        Submit batch = batch(Category.PENALTY);
        batch.getPenalty().addAll(List.of(good, wrong));

        SubmitResponse answer = client("scjg", "scjg-drop-1").submit(batch);

        Receipt receipt = answer.getReceipt();
        assertThat(receipt.getStatus()).isEqualTo("DONE");
        assertThat(receipt.getRecord())
                .extracting(RecordOutcome::getOutcome)
                .containsExactly(Outcome.STORED, Outcome.REJECTED);
        assertThat(receipt.getRecord().get(1).getProblem()).anySatisfy(p -> {
            assertThat(p.getCode()).isEqualTo("USCC_CHECK");
            assertThat(p.getField()).isEqualTo("CF_XDR_SHXYM");
            assertThat(p.getReason()).contains("91350802MA2XY3K1XJ");
            assertThat(p.getSeverity()).isEqualTo("ERROR");
        });
        // stored as the generic record would be: the canonical body has the typed values
        assertThat(library("legal_person_record", good.getDocumentNumber()))
                .containsEntry("category", "PENALTY")
                .containsEntry("subject_code", COMPANY_CODE)
                .containsEntry("department", "scjg")
                .hasEntrySatisfying("body", body -> assertThat(body.toString())
                        .contains("警告")
                        .contains("罚款")
                        .contains("0.2"));
        assertThat(count("legal_person_record", wrong.getDocumentNumber())).isZero();
        // archived as the generic records it stands for
        String archived = Files.readString(
                Path.of(payloads.find(answer.getPayloadId()).orElseThrow().archivePath()));
        assertThat(archived)
                .contains("<field code=\"CF_CFLB\">警告、罚款</field>")
                .contains("<field code=\"CF_JDRQ\">2024-03-05</field>");
    }

    @Test
    void aTypedLicenseAndATypedRedListEntryAreStored() throws Exception {
        CreditPort scjg = client("scjg", "scjg-drop-1");
        Submit licenses = batch(Category.LICENSE);
        License license = license();
        licenses.getLicense().add(license);
        Submit redList = batch(Category.RED_LIST);
        ListEntry entry = listEntry();
        redList.getRedList().add(entry);

        Receipt licensed = scjg.submit(licenses).getReceipt();
        Receipt listed = scjg.submit(redList).getReceipt();

        assertThat(licensed.getRecord()).extracting(RecordOutcome::getOutcome).containsExactly(Outcome.STORED);
        assertThat(library("legal_person_record", license.getDocumentNumber()))
                .containsEntry("category", "LICENSE")
                .containsEntry("authority_code", AUTHORITY_CODE);
        assertThat(listed.getRecord()).extracting(RecordOutcome::getOutcome).containsExactly(Outcome.STORED);
        assertThat(library("legal_person_record", entry.getDocumentNumber()))
                .containsEntry("category", "RED_LIST")
                .hasEntrySatisfying("body", body -> assertThat(body.toString()).contains("2023年度纳税信用A级"));

        // the same entry again, beside a new one: the first unchanged, as a re-sent generic record would be
        Submit again = batch(Category.RED_LIST);
        ListEntry removed = listEntry();
        removed.setDocumentNumber("龙市监信〔2024〕" + run + "-2号");
        removed.setRemovalDate(date("2024-06-30"));
        removed.setRemovalReason("信用修复");
        again.getRedList().addAll(List.of(entry, removed));
        assertThat(scjg.submit(again).getReceipt().getRecord())
                .extracting(RecordOutcome::getOutcome)
                .containsExactly(Outcome.UNCHANGED, Outcome.STORED);
    }

    @Test
    void aMalformedDateInATypedRecordIsASchemaViolationAndNothingIsStored() throws Exception {
        String body = typedPenaltyXml("2024-13-45");

        HttpResponse<String> response =
                assertRefused(ENVELOPE.formatted("scjg", "scjg-drop-1", body), "SCHEMA_VIOLATION");

        assertThat(response.body()).contains("Month");
    }

    @Test
    void typedRecordsOfAnotherCategoryThanTheBatchsAreASchemaViolation() throws Exception {
        Submit batch = batch(Category.LICENSE);
        batch.getPenalty().add(penalty("1"));
        int before = payloadCount();

        HubFault_Exception fault = assertThrows(
                HubFault_Exception.class, () -> client("scjg", "scjg-drop-1").submit(batch));

        assertThat(fault.getFaultInfo().getCode()).isEqualTo("SCHEMA_VIOLATION");
        assertThat(fault.getFaultInfo().getReason()).contains("penalty");
        assertThat(payloadCount()).isEqualTo(before);
    }

    // ---------------------------------------------------------------- SOAP 1.2

    @Test
    void aSoap12ClientSubmitsAndGetsItsFaultsWithTheSameCodes() throws Exception {
        Penalty penalty = penalty("12");
        Submit batch = batch(Category.PENALTY);
        batch.getPenalty().add(penalty);

        SubmitResponse answer = client12("scjg", "scjg-drop-1").submit(batch);

        assertThat(answer.getReceipt().getStatus()).isEqualTo("DONE");
        assertThat(answer.getReceipt().getStored()).isEqualTo(1);
        assertThat(count("legal_person_record", penalty.getDocumentNumber())).isEqualTo(1);
        assertThat(client12("scjg", "scjg-drop-1")
                        .getReceipt(getReceipt(answer.getPayloadId()))
                        .getReceipt()
                        .getRecord())
                .hasSize(1);

        HubFault_Exception wrong = assertThrows(
                HubFault_Exception.class, () -> client12("scjg", "zf-drop-2").submit(batch));
        assertThat(wrong.getFaultInfo().getCode()).isEqualTo("BAD_CREDENTIALS");
        HubFault_Exception notFound = assertThrows(HubFault_Exception.class, () -> client12("zf", "zf-drop-2")
                .getReceipt(getReceipt(answer.getPayloadId())));
        assertThat(notFound.getFaultInfo().getCode()).isEqualTo("NOT_FOUND");
    }

    @Test
    void aHandWrittenSoap12EnvelopeIsStoredAndItsFaultIsCodeSubcodeReason() throws Exception {
        String documentNumber = documentNumber("raw12");
        String submit = typedPenaltyXml("2024-03-05").replace(documentNumber("raw"), documentNumber);

        HttpResponse<String> stored =
                post12(ENVELOPE12.formatted("scjg", "scjg-drop-1", submit), "urn:huiju:credit:1:submit");

        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        assertThat(stored.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/soap+xml"));
        assertThat(stored.body())
                .contains("http://www.w3.org/2003/05/soap-envelope")
                .containsPattern("status>DONE</");
        assertThat(count("legal_person_record", documentNumber)).isEqualTo(1);

        int before = payloadCount();
        HttpResponse<String> refused = post12(
                ENVELOPE12.formatted("scjg", "scjg-drop-1", typedPenaltyXml("05/03/2024")),
                "urn:huiju:credit:1:submit");
        assertSoap12Fault(refused, "Sender", "SCHEMA_VIOLATION");
        HttpResponse<String> badPassword = post12(
                ENVELOPE12.formatted("scjg", "wrong", "<h:getReceipt><h:payloadId>x</h:payloadId></h:getReceipt>"),
                "urn:huiju:credit:1:getReceipt");
        assertSoap12Fault(badPassword, "Sender", "BAD_CREDENTIALS");
        assertThat(payloadCount()).isEqualTo(before);
    }

    @Test
    void theSoap12PortTakesSoap11TooButTheSoap11PortRefusesSoap12() throws Exception {
        String getReceipt = "<h:getReceipt><h:payloadId>20260101000000-00000000</h:payloadId></h:getReceipt>";
        HttpResponse<String> soap11At12 = send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/services/credit12"))
                        .header("Content-Type", "text/xml; charset=UTF-8")
                        .header("SOAPAction", "\"urn:huiju:credit:1:getReceipt\""),
                ENVELOPE.formatted("scjg", "scjg-drop-1", getReceipt));
        assertFault(soap11At12, "NOT_FOUND");

        HttpResponse<String> soap12At11 = send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/services/credit"))
                        .header("Content-Type", "application/soap+xml; charset=UTF-8"),
                ENVELOPE12.formatted("scjg", "scjg-drop-1", getReceipt));
        assertFault(soap12At11, "SOAP_VERSION");
        assertThat(soap12At11.body()).contains("/services/credit12");
    }

    @Test
    void theSampleEnvelopesOfTheIntegrationGuideAreStored() throws Exception {
        Path samples = TestHome.REPO.resolve("docs/samples");
        String penalties =
                Files.readString(samples.resolve("soap-penalty-typed.xml")).replace(">PASSWORD<", ">scjg-drop-1<");
        String redList =
                Files.readString(samples.resolve("soap12-red-list-typed.xml")).replace(">PASSWORD<", ">scjg-drop-1<");

        HttpResponse<String> soap11 = post(penalties);
        HttpResponse<String> soap12 = post12(redList, "urn:huiju:credit:1:submit");

        assertThat(soap11.statusCode()).as(soap11.body()).isEqualTo(200);
        assertThat(soap11.body()).containsPattern("status>DONE</").containsPattern("stored>2</");
        assertThat(soap12.statusCode()).as(soap12.body()).isEqualTo(200);
        assertThat(soap12.body()).containsPattern("status>DONE</").containsPattern("stored>1</");
    }

    // ---------------------------------------------------------------- helpers

    private static void assertSoap12Fault(HttpResponse<String> response, String code, String subcode) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(500);
        assertThat(response.body())
                .as(response.body())
                .containsPattern("<([a-zA-Z0-9]+:)?Code><([a-zA-Z0-9]+:)?Value>[^<:]+:" + code + "</")
                .containsPattern("<([a-zA-Z0-9]+:)?Subcode><([a-zA-Z0-9]+:)?Value[^>]*>[^<:]+:" + subcode + "</")
                .containsPattern("<([a-zA-Z0-9]+:)?Reason><([a-zA-Z0-9]+:)?Text xml:lang=\"[^\"]+\">[^<]+</")
                .contains(">" + subcode + "</");
    }

    private String documentNumber(String n) {
        return "岩市监罚〔2024〕" + run + "-" + n + "号";
    }

    private String typedPenaltyXml(String decisionDate) {
        return """
                <h:submit>
                  <h:category>PENALTY</h:category>
                  <h:penalty>
                    <h:subject>
                      <h:kind>法人及非法人组织</h:kind>
                      <h:name>龙岩市新罗区恒达贸易有限公司</h:name>
                      <h:uscc>%s</h:uscc>
                      <h:legalRepresentative>王建国</h:legalRepresentative>
                    </h:subject>
                    <h:documentNumber>%s</h:documentNumber>
                    <h:facts>销售不合格电线，货值2000元</h:facts>
                    <h:legalBasis>《中华人民共和国产品质量法》第四十九条</h:legalBasis>
                    <h:kind>罚款</h:kind>
                    <h:content>罚款2000元</h:content>
                    <h:fineAmount>0.2</h:fineAmount>
                    <h:decisionDate>%s</h:decisionDate>
                    <h:publicityDeadline>2025-03-05</h:publicityDeadline>
                    <h:authority>龙岩市市场监督管理局</h:authority>
                    <h:authorityCode>%s</h:authorityCode>
                  </h:penalty>
                </h:submit>"""
                .formatted(COMPANY_CODE, documentNumber("raw"), decisionDate, AUTHORITY_CODE);
    }

    private Submit batch(Category category) {
        Submit batch = new Submit();
        batch.setCategory(category);
        batch.setReference("typed-" + category.name().toLowerCase() + "-" + UUID.randomUUID());
        return batch;
    }

    private Penalty penalty(String n) throws Exception {
        Penalty p = new Penalty();
        p.setSubject(company());
        p.setDocumentNumber(documentNumber(n));
        p.setViolationType("销售不合格产品");
        p.setFacts("销售不合格电线，货值2000元");
        p.setLegalBasis("《中华人民共和国产品质量法》第四十九条");
        p.getKind().addAll(List.of(PenaltyKind.WARNING, PenaltyKind.FINE));
        p.setContent("警告，罚款2000元");
        p.setFineAmount(new BigDecimal("0.2"));
        p.setDecisionDate(date("2024-03-05"));
        p.setPublicityDeadline(date("2025-03-05"));
        p.setAuthority(PenaltyFile.AUTHORITY);
        p.setAuthorityCode(AUTHORITY_CODE);
        return p;
    }

    private License license() throws Exception {
        License l = new License();
        l.setSubject(company());
        l.setDocumentName("食品经营许可决定书");
        l.setDocumentNumber("龙市监食许〔2024〕" + run + "号");
        l.setLicenseCategory("普通");
        l.setCertificateName("食品经营许可证");
        l.setLicenseNumber("JY13508020012345");
        l.setContent("预包装食品销售");
        l.setDecisionDate(date("2024-02-01"));
        l.setValidFrom(date("2024-02-01"));
        l.setValidTo(date("2029-01-31"));
        l.setAuthority(PenaltyFile.AUTHORITY);
        l.setAuthorityCode(AUTHORITY_CODE);
        l.setStatus("1");
        return l;
    }

    private ListEntry listEntry() throws Exception {
        ListSubject subject = new ListSubject();
        subject.setKind(SubjectKind.LEGAL_PERSON);
        subject.setName("龙岩市新罗区恒达贸易有限公司");
        subject.setUscc(COMPANY_CODE);
        ListEntry e = new ListEntry();
        e.setSubject(subject);
        e.setDocumentNumber("龙市监信〔2024〕" + run + "号");
        e.setReason("2023年度纳税信用A级");
        e.setDecisionDate(date("2024-01-10"));
        e.setInclusionDate(date("2024-01-10"));
        e.setValidTo(date("2026-01-09"));
        e.setAuthority(PenaltyFile.AUTHORITY);
        e.setAuthorityCode(AUTHORITY_CODE);
        return e;
    }

    private static Subject company() {
        Subject s = new Subject();
        s.setKind(SubjectKind.LEGAL_PERSON);
        s.setName("龙岩市新罗区恒达贸易有限公司");
        s.setUscc(COMPANY_CODE);
        s.setLegalRepresentative("王建国");
        return s;
    }

    private static XMLGregorianCalendar date(String text) throws Exception {
        return DatatypeFactory.newInstance().newXMLGregorianCalendar(text);
    }
}
