package io.huiju.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huiju.hub.store.Receipt;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Manual entry in the console at the HTTP level, as entry.html speaks to the hub: the form's fields come from the hub,
 * the check answers the same violations as a file would get, keyed by field, and a submitted form becomes one payload
 * of the user's department, with its receipt and its record in the library, however often it is sent.
 */
class ConsoleEntryIT extends HubTest {

    static final String HOME = TestHome.create("console-entry").toString();
    /** {@link PenaltyFile#COMPANY_CODE} with another check character. */
    static final String WRONG_CHECK = "91350802MA2XY3K1XJ";

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("huiju.home", () -> HOME);
        registry.add("huiju.mappings", () -> TestHome.REPO.resolve("mappings").toString());
    }

    @LocalServerPort
    int port;

    /** A valid penalty on a company, by canonical field, with a document number of its own. */
    static Map<String, String> penalty() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("subject.name", "龙岩市新罗区恒达贸易有限公司");
        values.put("subject.kind", "法人及非法人组织");
        values.put("subject.uscc", PenaltyFile.COMPANY_CODE);
        values.put("subject.legalRepresentative", "王建国");
        values.put(
                "decision.documentNumber",
                "岩市监罚〔2024〕录" + UUID.randomUUID().toString().substring(0, 8));
        values.put("penalty.violationType", "销售不合格产品");
        values.put("penalty.facts", "销售不合格电线，货值2000元");
        values.put("penalty.legalBasis", "《中华人民共和国产品质量法》第四十九条");
        values.put("penalty.kinds", "罚款");
        values.put("decision.content", "罚款2000元");
        values.put("penalty.fine", "0.2");
        values.put("decision.date", "2024-03-05");
        values.put("decision.authority", PenaltyFile.AUTHORITY);
        values.put("decision.authorityCode", PenaltyFile.AUTHORITY_CODE);
        return values;
    }

    @Test
    void theFieldsOfEachCategoryComeFromTheHubWithLabelsCodesAndRules() throws Exception {
        ConsoleSession scjg = ConsoleSession.login(port, "scjg-zhang", "scjg-console-1");

        JsonNode penalty = scjg.json("/console/api/entry/penalty/fields");
        JsonNode uscc = field(penalty, "subject.uscc");
        assertThat(uscc.path("label").asText()).isEqualTo("统一社会信用代码");
        assertThat(uscc.path("labelEn").asText()).isEqualTo("Unified social credit code");
        assertThat(uscc.path("code").asText()).isEqualTo("CF_XDR_SHXYM");
        assertThat(uscc.path("requirement").asText()).isEqualTo("条件必填");
        assertThat(uscc.path("rule").asText()).contains("第18位为校验码");
        assertThat(uscc.path("ruleEn").asText()).contains("check character");
        assertThat(field(penalty, "subject.name").path("required").asBoolean()).isTrue();
        assertThat(field(penalty, "subject.kind").path("choices").toString()).contains("自然人");
        assertThat(field(penalty, "decision.sourceDepartment").path("default").asText())
                .as("a default is the department's, as the pipeline fills it")
                .isEqualTo("龙岩市市场监督管理局");

        for (String category : List.of("license", "red-list", "black-list")) {
            JsonNode fields = scjg.json("/console/api/entry/" + category + "/fields");
            assertThat(field(fields, "subject.name").path("required").asBoolean())
                    .as(category)
                    .isTrue();
        }
        assertThat(field(scjg.json("/console/api/entry/license/fields"), "decision.documentName")
                        .path("code")
                        .asText())
                .isEqualTo("XK_XKWS");
        assertThat(scjg.get("/console/api/entry/nonsense/fields").statusCode()).isEqualTo(404);
    }

    @Test
    void theCheckAnswersTheRulesViolationsOnTheirField() throws Exception {
        ConsoleSession scjg = ConsoleSession.login(port, "scjg-zhang", "scjg-console-1");
        Map<String, String> wrong = penalty();
        wrong.put("subject.uscc", WRONG_CHECK);
        wrong.put("decision.date", "2024-13-45");

        List<JsonNode> problems = problems(scjg.post("/console/api/entry/penalty/check", wrong));

        assertThat(problems)
                .anySatisfy(p -> {
                    assertThat(p.path("field").asText()).isEqualTo("subject.uscc");
                    assertThat(p.path("code").asText()).isEqualTo("USCC_CHECK");
                    assertThat(p.path("reason").asText()).contains("校验位错误").contains("应为“H”");
                    assertThat(p.path("reasonEn").asText()).contains("check character");
                    assertThat(p.path("severity").asText()).isEqualTo("ERROR");
                })
                .as("a date the mapping cannot read is placed on its field too, not on the column name")
                .anySatisfy(p -> assertThat(
                                p.path("field").asText() + " " + p.path("code").asText())
                        .isEqualTo("decision.date DATE_FORMAT"));

        List<JsonNode> good = problems(scjg.post("/console/api/entry/penalty/check", penalty()));
        assertThat(good).noneMatch(p -> p.path("field").asText().equals("subject.uscc"));
        assertThat(good).noneMatch(p -> p.path("severity").asText().equals("ERROR"));

        Map<String, String> empty = Map.of();
        assertThat(problems(scjg.post("/console/api/entry/penalty/check", empty)))
                .anySatisfy(p -> assertThat(
                                p.path("field").asText() + " " + p.path("code").asText())
                        .isEqualTo("subject.name REQUIRED"));
    }

    @Test
    void aSubmittedFormIsStoredOnceAsAPayloadOfTheUsersDepartmentWithItsReceipt() throws Exception {
        ConsoleSession scjg = ConsoleSession.login(port, "scjg-zhang", "scjg-console-1");
        Map<String, String> values = penalty();
        values.put("penalty.facts", "<script>window.__xss=1</script>销售不合格电线");
        String token = UUID.randomUUID().toString();
        Map<String, Object> form = Map.of("token", token, "values", values, "department", "zf");

        HttpResponse<String> first = scjg.post("/console/api/entry/penalty", form);
        HttpResponse<String> again = scjg.post("/console/api/entry/penalty", form);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonNode answer = ConsoleSession.JSON.readTree(first.body());
        String payloadId = answer.path("payloadId").asText();
        assertThat(answer.path("receipt").path("status").asText()).isEqualTo("DONE");
        assertThat(answer.path("receipt").path("stored").asInt()).isEqualTo(1);
        assertThat(answer.path("repeated").asBoolean()).isFalse();
        JsonNode repeated = ConsoleSession.JSON.readTree(again.body());
        assertThat(repeated.path("payloadId").asText())
                .as("the same form sent again answers the first receipt")
                .isEqualTo(payloadId);
        assertThat(repeated.path("repeated").asBoolean()).isTrue();
        assertThat(repeated.path("receipt").path("stored").asInt()).isEqualTo(1);

        String documentNumber = values.get("decision.documentNumber");
        assertThat(count("legal_person_record", documentNumber)).isEqualTo(1);
        Map<String, Object> record = library("legal_person_record", documentNumber);
        assertThat(record.get("payload_id")).isEqualTo(payloadId);
        assertThat(record.get("department"))
                .as("the department is the login's, whatever the request says")
                .isEqualTo("scjg");
        assertThat(record.get("subject_code")).isEqualTo(PenaltyFile.COMPANY_CODE);
        assertThat((String) record.get("body")).contains("<script>window.__xss=1</script>");
        Receipt receipt = payloads.find(payloadId).orElseThrow();
        assertThat(receipt.department()).isEqualTo("scjg");
        assertThat(receipt.channel()).isEqualTo("WEB");
        assertThat(receipt.archivePath()).as("archived like every payload").isNotBlank();
        assertThat(java.nio.file.Path.of(receipt.archivePath())).exists();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM payload WHERE file_name LIKE ?",
                        Integer.class,
                        "entry-penalty-" + token.substring(0, 8) + "%"))
                .isEqualTo(1);
        assertThat(scjg.json("/console/api/payloads").toString())
                .as("listed under 我的报送")
                .contains(payloadId);
        assertThat(jdbc.queryForList(
                        "SELECT action FROM audit_log WHERE username = 'scjg-zhang' AND payload_id = ?",
                        String.class,
                        payloadId))
                .containsExactly("ENTRY");

        HttpResponse<String> sameContent = scjg.post(
                "/console/api/entry/penalty", Map.of("token", UUID.randomUUID().toString(), "values", values));
        JsonNode duplicate = ConsoleSession.JSON.readTree(sameContent.body()).path("receipt");
        assertThat(duplicate.path("status").asText())
                .as("the same content in a new form is a duplicate of the first payload, like a file sent twice")
                .isEqualTo("DUPLICATE");
        assertThat(duplicate.path("duplicateOf").asText()).isEqualTo(payloadId);
        assertThat(count("legal_person_record", documentNumber)).isEqualTo(1);
        assertThat(library("legal_person_record", documentNumber).get("version"))
                .isEqualTo(1);

        ConsoleSession zf = ConsoleSession.login(port, "zf-li", "zf-console-2");
        assertThat(zf.get("/console/api/payloads/" + payloadId).statusCode()).isEqualTo(404);
        assertThat(zf.get("/console/payloads/" + payloadId).statusCode()).isEqualTo(404);
    }

    @Test
    void twoSubmitsOfTheSameFormRacingEachOtherStoreItOnce() throws Exception {
        ConsoleSession scjg = ConsoleSession.login(port, "scjg-zhang", "scjg-console-1");
        Map<String, Object> form = Map.of("token", UUID.randomUUID().toString(), "values", penalty());

        CompletableFuture<HttpResponse<String>> one = CompletableFuture.supplyAsync(() -> send(scjg, form));
        CompletableFuture<HttpResponse<String>> two = CompletableFuture.supplyAsync(() -> send(scjg, form));

        JsonNode a = ConsoleSession.JSON.readTree(one.get().body());
        JsonNode b = ConsoleSession.JSON.readTree(two.get().body());
        assertThat(a.path("payloadId").asText())
                .isNotBlank()
                .isEqualTo(b.path("payloadId").asText());
        assertThat(a.path("repeated").asBoolean() ^ b.path("repeated").asBoolean())
                .as("one stored it, the other answered its receipt")
                .isTrue();
        assertThat(b.path("receipt").path("stored").asInt()
                        + a.path("receipt").path("stored").asInt())
                .isEqualTo(2);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM payload WHERE payload_id = ?",
                        Integer.class,
                        a.path("payloadId").asText()))
                .isEqualTo(1);
    }

    @Test
    void aFormWithErrorsIsNotStored() throws Exception {
        ConsoleSession scjg = ConsoleSession.login(port, "scjg-zhang", "scjg-console-1");
        Map<String, String> values = penalty();
        values.put("subject.uscc", WRONG_CHECK);
        int before = payloadCount();

        HttpResponse<String> answer = scjg.post(
                "/console/api/entry/penalty", Map.of("token", UUID.randomUUID().toString(), "values", values));

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(problems(answer)).anySatisfy(p -> assertThat(
                        p.path("field").asText() + " " + p.path("code").asText())
                .isEqualTo("subject.uscc USCC_CHECK"));
        assertThat(payloadCount()).isEqualTo(before);
        assertThat(count("legal_person_record", values.get("decision.documentNumber")))
                .isZero();
    }

    @Test
    void aForgedPostAndAUserWhoIsNoSubmitterAreRefused() throws Exception {
        ConsoleSession scjg = ConsoleSession.login(port, "scjg-zhang", "scjg-console-1");
        Map<String, String> values = penalty();
        Map<String, Object> form = Map.of("token", UUID.randomUUID().toString(), "values", values);
        int before = payloadCount();

        assertThat(scjg.post("/console/api/entry/penalty", form, false).statusCode())
                .as("no CSRF token")
                .isEqualTo(403);
        ConsoleSession platform = ConsoleSession.login(port, "platform-wang", "platform-console-3");
        assertThat(platform.post("/console/api/entry/penalty", form).statusCode())
                .as("an operator is no submitter")
                .isEqualTo(403);
        assertThat(platform.post("/console/api/entry/penalty/check", values).statusCode())
                .isEqualTo(403);

        assertThat(payloadCount()).as("nothing was received").isEqualTo(before);
        assertThat(count("legal_person_record", values.get("decision.documentNumber")))
                .isZero();
        assertThat(jdbc.queryForList(
                        "SELECT username FROM audit_log WHERE action = 'DENIED' AND detail LIKE ?",
                        String.class,
                        "POST /console/api/entry/penalty:%"))
                .contains("scjg-zhang", "platform-wang");
    }

    @Test
    void aRejectedRowOfAFileOpensInTheFormToBeCorrected() throws Exception {
        Receipt receipt = drop(
                "scjg",
                "entry-correction.csv",
                new PenaltyFile()
                        .company(1)
                        .company(2, row -> row.put("统一社会信用代码", WRONG_CHECK))
                        .utf8());
        long line = jdbc.queryForObject(
                "SELECT MIN(line) FROM reject WHERE payload_id = ? AND code = 'USCC_CHECK'",
                Long.class,
                receipt.payloadId());
        ConsoleSession scjg = ConsoleSession.login(port, "scjg-zhang", "scjg-console-1");
        String url = "/console/api/entry/correction?from=" + receipt.payloadId() + "&row=" + line;

        JsonNode row = scjg.json(url);

        assertThat(row.path("category").asText()).isEqualTo("penalty");
        assertThat(row.path("values").path("subject.uscc").asText()).isEqualTo(WRONG_CHECK);
        assertThat(row.path("values").path("decision.date").asText()).isEqualTo("2024-03-05");
        assertThat(row.path("values").path("decision.documentNumber").asText()).endsWith("-2号");
        Map<?, ?> values = ConsoleSession.JSON.convertValue(row.path("values"), Map.class);
        assertThat(problems(scjg.post("/console/api/entry/penalty/check", values)))
                .as("the row read back is rejected for what the file was")
                .anySatisfy(p -> assertThat(
                                p.path("field").asText() + " " + p.path("code").asText())
                        .isEqualTo("subject.uscc USCC_CHECK"));
        assertThat(scjg.get("/console/api/entry/correction?from=" + receipt.payloadId() + "&row=99")
                        .statusCode())
                .isEqualTo(404);

        ConsoleSession zf = ConsoleSession.login(port, "zf-li", "zf-console-2");
        assertThat(zf.get(url).statusCode())
                .as("another department's row, like its payload")
                .isEqualTo(404);
        assertThat(zf.get(url).body()).doesNotContain(WRONG_CHECK);
    }

    @Test
    void theEntryPageShowsTextOnlyAsText() throws Exception {
        for (String page : List.of("entry.html", "entry.js")) {
            String source = java.nio.file.Files.readString(TestHome.REPO
                    .resolve("hub/src/main/resources/static/console")
                    .resolve(page));
            assertThat(source)
                    .as(page)
                    .doesNotContain("innerHTML")
                    .doesNotContain("outerHTML")
                    .doesNotContain("insertAdjacentHTML")
                    .doesNotContain("document.write");
        }
    }

    private static HttpResponse<String> send(ConsoleSession session, Map<String, Object> form) {
        try {
            return session.post("/console/api/entry/penalty", form);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private int payloadCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM payload", Integer.class);
    }

    private static JsonNode field(JsonNode definition, String path) {
        return StreamSupport.stream(definition.path("fields").spliterator(), false)
                .filter(f -> path.equals(f.path("path").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(path + " not in " + definition));
    }

    private static List<JsonNode> problems(HttpResponse<String> answer) throws Exception {
        JsonNode problems = ConsoleSession.JSON.readTree(answer.body()).path("problems");
        assertThat(problems.isArray()).as(answer.body()).isTrue();
        return StreamSupport.stream(problems.spliterator(), false).toList();
    }
}
