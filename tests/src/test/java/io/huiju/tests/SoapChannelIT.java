package io.huiju.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.huiju.adapter.soap.api.Category;
import io.huiju.adapter.soap.api.CreditPort;
import io.huiju.adapter.soap.api.Field;
import io.huiju.adapter.soap.api.HubFault_Exception;
import io.huiju.adapter.soap.api.ListFeedback;
import io.huiju.adapter.soap.api.Outcome;
import io.huiju.adapter.soap.api.Receipt;
import io.huiju.adapter.soap.api.Record;
import io.huiju.adapter.soap.api.RecordOutcome;
import io.huiju.adapter.soap.api.Submit;
import io.huiju.adapter.soap.api.SubmitResponse;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.datatype.DatatypeFactory;
import org.junit.jupiter.api.Test;

/**
 * The SOAP channel over real HTTP on the test's port, with generic records: a CXF JAX-WS client built from the
 * generated contract, and hand-written envelopes posted with java.net.http as a department's legacy system would. Every
 * refusal answers its stable fault code and stores nothing. Typed records and SOAP 1.2: {@link SoapTypedRecordsIT}.
 */
class SoapChannelIT extends SoapTest {

    /** The national penalty headers of {@link PenaltyFile} as the national field codes a SOAP client sends. */
    static final Map<String, String> CODES = Map.ofEntries(
            Map.entry("行政相对人名称", "CF_XDR_MC"),
            Map.entry("行政相对人类别", "CF_XDR_LB"),
            Map.entry("统一社会信用代码", "CF_XDR_SHXYM"),
            Map.entry("工商注册号", "CF_XDR_GSZC"),
            Map.entry("法定代表人", "CF_FRDB"),
            Map.entry("证件类型", "CF_XDR_ZJLX"),
            Map.entry("证件号码", "CF_XDR_ZJHM"),
            Map.entry("行政处罚决定书文号", "CF_WSH"),
            Map.entry("违法行为类型", "CF_WFXW"),
            Map.entry("违法事实", "CF_SY"),
            Map.entry("处罚依据", "CF_YJ"),
            Map.entry("处罚类别", "CF_CFLB"),
            Map.entry("处罚内容", "CF_NR"),
            Map.entry("罚款金额（万元）", "CF_NR_FK"),
            Map.entry("处罚决定日期", "CF_JDRQ"),
            Map.entry("公示截止期", "CF_GSJZQ"),
            Map.entry("处罚机关", "CF_CFJG"),
            Map.entry("处罚机关统一社会信用代码", "CF_CFJGDM"),
            Map.entry("备注", "BZ"));

    // ---------------------------------------------------------------- the contract

    @Test
    void theWsdlAndItsSchemaAreServedUnderServices() throws Exception {
        HttpResponse<String> wsdl = get("/services/credit?wsdl");
        assertThat(wsdl.statusCode()).isEqualTo(200);
        assertThat(wsdl.body())
                .contains("CreditService")
                .contains("urn:huiju:credit:1")
                .contains("submit");
        Matcher xsd = Pattern.compile("schemaLocation=\"([^\"]+)\"").matcher(wsdl.body());
        assertThat(xsd.find()).isTrue();
        HttpResponse<String> schema = http.send(
                HttpRequest.newBuilder(URI.create(xsd.group(1))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(schema.body()).contains("name=\"hubFault\"").contains("FieldCode");
    }

    // ---------------------------------------------------------------- submit, receipt, feedback

    @Test
    void aClientSubmitsGetsTheReceiptWithEachRecordsOutcomeAndListsItsFeedback() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        PenaltyFile file =
                new PenaltyFile().company(1).person(2).company(3, r -> r.put("统一社会信用代码", "91350802MA2XY3K1XJ"));
        CreditPort scjg = client("scjg", "scjg-drop-1");

        SubmitResponse answer = scjg.submit(submit(file, "三月处罚"));

        // a small batch: processed before the answer
        assertThat(answer.getPayloadId()).isNotBlank();
        Receipt receipt = answer.getReceipt();
        assertThat(receipt).isNotNull();
        assertThat(receipt.getStatus()).isEqualTo("DONE");
        assertThat(receipt.getReference()).isEqualTo("三月处罚");
        assertThat(List.of(receipt.getReceived(), receipt.getStored(), receipt.getRejected()))
                .containsExactly(3, 2, 1);
        assertThat(receipt.getRecord())
                .extracting(RecordOutcome::getOutcome)
                .containsExactly(Outcome.STORED, Outcome.STORED, Outcome.REJECTED);
        assertThat(receipt.getRecord().get(2).getProblem()).anySatisfy(p -> {
            assertThat(p.getCode()).isEqualTo("USCC_CHECK");
            // named as the department sent it
            assertThat(p.getField()).isEqualTo("CF_XDR_SHXYM");
            assertThat(p.getReason()).contains("91350802MA2XY3K1XJ");
        });
        assertThat(library("legal_person_record", file.documentNumber(1))).containsEntry("department", "scjg");
        assertThat(library("natural_person_record", file.documentNumber(2))).containsEntry("department", "scjg");

        // archived as received, as a records document, before it was read
        io.huiju.hub.store.Receipt stored = payloads.find(answer.getPayloadId()).orElseThrow();
        assertThat(stored.channel()).isEqualTo("SOAP");
        assertThat(stored.fileName()).isEqualTo("三月处罚.records.xml");
        assertThat(Files.readString(Path.of(stored.archivePath())))
                .contains("<field code=\"CF_WSH\">" + file.documentNumber(3) + "</field>");

        Receipt again = scjg.getReceipt(getReceipt(answer.getPayloadId())).getReceipt();
        assertThat(again.getStatus()).isEqualTo("DONE");
        assertThat(again.getRecord()).hasSize(3);

        // the same batch again: recognised, nothing stored twice
        Receipt resent = scjg.submit(submit(file, "三月处罚")).getReceipt();
        assertThat(resent.getStatus()).isEqualTo("DUPLICATE");
        assertThat(resent.getDuplicateOf()).isEqualTo(answer.getPayloadId());

        List<Receipt> feedback = scjg.listFeedback(since(before)).getReceipt();
        assertThat(feedback).extracting(Receipt::getPayloadId).contains(answer.getPayloadId());
        assertThat(feedback).allSatisfy(r -> assertThat(r.getRecord()).isEmpty());
        assertThat(scjg.listFeedback(since(Instant.now().plusSeconds(60))).getReceipt())
                .isEmpty();
    }

    @Test
    void aLargerBatchIsAnsweredWithItsPayloadIdAndProcessedAfterwards() throws Exception {
        PenaltyFile file = new PenaltyFile();
        for (int i = 1; i <= 101; i++) { // over huiju.soap.sync-max-records (100)
            file.company(i);
        }
        CreditPort scjg = client("scjg", "scjg-drop-1");

        SubmitResponse answer = scjg.submit(submit(file, "large"));

        assertThat(answer.getPayloadId()).isNotBlank();
        // not waited for: the receipt comes from getReceipt, RECEIVED until it is done
        Receipt receipt = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300))
                .ignoreExceptions()
                .until(() -> scjg.getReceipt(getReceipt(answer.getPayloadId())).getReceipt(), r -> !"RECEIVED"
                        .equals(r.getStatus()));
        assertThat(receipt.getStatus()).isEqualTo("DONE");
        assertThat(receipt.getStored()).isEqualTo(101);
        assertThat(receipt.getRecord()).hasSize(101).allSatisfy(r -> assertThat(r.getOutcome())
                .isEqualTo(Outcome.STORED));
    }

    @Test
    void aHandWrittenEnvelopePostedOverPlainHttpIsStored() throws Exception {
        PenaltyFile file = new PenaltyFile().company(1);
        String body = """
                <h:submit><h:category>PENALTY</h:category>%s</h:submit>"""
                .formatted(recordXml(file));

        HttpResponse<String> response = post(ENVELOPE.formatted("scjg", "scjg-drop-1", body));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("payloadId").containsPattern("status>DONE</");
        assertThat(count("legal_person_record", file.documentNumber(1))).isEqualTo(1);
    }

    // ---------------------------------------------------------------- who may do what

    @Test
    void aBadPasswordOrNoTokenIsRefusedWithBadCredentials() throws Exception {
        int before = payloadCount();
        HubFault_Exception wrong = assertThrows(HubFault_Exception.class, () -> client("scjg", "zf-drop-2")
                .submit(submit(new PenaltyFile().company(1), null)));
        assertThat(wrong.getFaultInfo().getCode()).isEqualTo("BAD_CREDENTIALS");
        assertThat(assertThrows(HubFault_Exception.class, () -> client("nobody", "x")
                                .getReceipt(getReceipt("20260101000000-00000000")))
                        .getFaultInfo()
                        .getCode())
                .isEqualTo("BAD_CREDENTIALS");

        String noToken =
                """
                <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:h="urn:huiju:credit:1">
                  <soapenv:Body><h:getReceipt><h:payloadId>x</h:payloadId></h:getReceipt></soapenv:Body>
                </soapenv:Envelope>""";
        assertFault(post(noToken), "BAD_CREDENTIALS");
        assertThat(payloadCount()).isEqualTo(before);
    }

    @Test
    void aDepartmentReadsOnlyItsOwnReceiptsAndSubmitsOnlyWhatItsFeedAllows() throws Exception {
        SubmitResponse mine = client("scjg", "scjg-drop-1").submit(submit(new PenaltyFile().company(1), null));
        CreditPort zf = client("zf", "zf-drop-2");

        HubFault_Exception other =
                assertThrows(HubFault_Exception.class, () -> zf.getReceipt(getReceipt(mine.getPayloadId())));
        assertThat(other.getFaultInfo().getCode()).isEqualTo("NOT_FOUND");
        assertThat(zf.listFeedback(since(Instant.now().minusSeconds(3600))).getReceipt())
                .extracting(Receipt::getPayloadId)
                .doesNotContain(mine.getPayloadId());

        // zf has no soap-submit instance in this home
        int before = payloadCount();
        HubFault_Exception notConfigured =
                assertThrows(HubFault_Exception.class, () -> zf.submit(submit(new PenaltyFile().company(1), null)));
        assertThat(notConfigured.getFaultInfo().getCode()).isEqualTo("NOT_CONFIGURED");
        assertThat(payloadCount()).isEqualTo(before);
    }

    // ---------------------------------------------------------------- refused before it costs anything

    @Test
    void invalidXmlIsRefused() throws Exception {
        assertRefused(
                ENVELOPE.formatted("scjg", "scjg-drop-1", "<h:submit><h:category>PENALTY</h:category>"), "INVALID_XML");
    }

    @Test
    void aSchemaViolationIsRefused() throws Exception {
        // no category, and a field code that is not one
        String body = "<h:submit><h:record><h:field code=\"cf wsh\">1</h:field></h:record></h:submit>";
        HttpResponse<String> response =
                assertRefused(ENVELOPE.formatted("scjg", "scjg-drop-1", body), "SCHEMA_VIOLATION");
        assertThat(response.body()).contains("cvc-");
    }

    @Test
    void anExternalEntityIsNeverResolved() throws Exception {
        Path secret = Files.writeString(Path.of(HOME, "secret.txt"), "TOP-SECRET-XXE");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY s SYSTEM \"" + secret.toUri() + "\">]>"
                + ENVELOPE.formatted(
                        "scjg", "scjg-drop-1", "<h:getReceipt><h:payloadId>&s;</h:payloadId></h:getReceipt>");
        HttpResponse<String> response = assertRefused(xxe, "XML_DOCTYPE");
        assertThat(response.body()).doesNotContain("TOP-SECRET-XXE");
    }

    @Test
    void entityExpansionIsRefused() throws Exception {
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"");
            laughs.append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
        }
        laughs.append("]>");
        String envelope = laughs
                + ENVELOPE.formatted(
                        "scjg", "scjg-drop-1", "<h:getReceipt><h:payloadId>&lol9;</h:payloadId></h:getReceipt>");
        assertRefused(envelope, "XML_DOCTYPE");
    }

    @Test
    void deepNestingIsRefused() throws Exception {
        String deep = "<h:x>".repeat(5000) + "</h:x>".repeat(5000);
        assertRefused(ENVELOPE.formatted("scjg", "scjg-drop-1", "<h:submit>" + deep + "</h:submit>"), "XML_LIMIT");
    }

    @Test
    void tooManyChildrenOrTooLongATextIsRefused() throws Exception {
        String many = "<h:record><h:field code=\"CF_WSH\">1</h:field></h:record>".repeat(1001);
        assertRefused(
                ENVELOPE.formatted(
                        "scjg", "scjg-drop-1", "<h:submit><h:category>PENALTY</h:category>" + many + "</h:submit>"),
                "XML_LIMIT");
        String longText = "<h:record><h:field code=\"CF_SY\">" + "违".repeat(70_000) + "</h:field></h:record>";
        assertRefused(
                ENVELOPE.formatted(
                        "scjg", "scjg-drop-1", "<h:submit><h:category>PENALTY</h:category>" + longText + "</h:submit>"),
                "XML_LIMIT");
    }

    @Test
    void anOversizedBodyIsRefusedWithOrWithoutContentLength() throws Exception {
        PenaltyFile file = new PenaltyFile();
        for (int i = 1; i <= 400; i++) {
            file.company(i);
        }
        String body = "<h:submit><h:category>PENALTY</h:category>" + recordXml(file) + "</h:submit>";
        String envelope = ENVELOPE.formatted("scjg", "scjg-drop-1", body);
        assertThat(envelope.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(256 * 1024);

        int before = payloadCount();
        assertFault(post(envelope), "PAYLOAD_TOO_LARGE");
        // chunked: no Content-Length, so it is counted while read
        byte[] bytes = envelope.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> chunked = http.send(
                request()
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertFault(chunked, "PAYLOAD_TOO_LARGE");
        assertThat(payloadCount()).isEqualTo(before);
    }

    // ---------------------------------------------------------------- helpers

    private static Submit submit(PenaltyFile file, String reference) {
        Submit submit = new Submit();
        submit.setCategory(Category.PENALTY);
        submit.setReference(reference);
        List<List<String>> cells = file.cells();
        List<String> header = cells.get(0);
        for (List<String> row : cells.subList(1, cells.size())) {
            Record record = new Record();
            for (int i = 0; i < header.size(); i++) {
                if (!row.get(i).isEmpty()) {
                    Field field = new Field();
                    field.setCode(CODES.get(header.get(i)));
                    field.setValue(row.get(i));
                    record.getField().add(field);
                }
            }
            submit.getRecord().add(record);
        }
        return submit;
    }

    private static String recordXml(PenaltyFile file) {
        StringBuilder xml = new StringBuilder();
        for (Record r : submit(file, null).getRecord()) {
            xml.append("<h:record>");
            for (Field f : r.getField()) {
                xml.append("<h:field code=\"")
                        .append(f.getCode())
                        .append("\">")
                        .append(f.getValue())
                        .append("</h:field>");
            }
            xml.append("</h:record>");
        }
        return xml.toString();
    }

    private static ListFeedback since(Instant at) throws Exception {
        ListFeedback request = new ListFeedback();
        request.setSince(DatatypeFactory.newInstance()
                .newXMLGregorianCalendar(GregorianCalendar.from(at.atZone(ZoneOffset.UTC))));
        return request;
    }
}
