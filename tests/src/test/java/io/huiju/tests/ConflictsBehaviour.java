package io.huiju.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huiju.hub.store.Receipt;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Conflict resolution by platform staff, and the console's bad input (oversized and repeated uploads), over HTTP as a
 * browser speaks to the hub; on H2 (ConflictsIT) and PostgreSQL (ConflictsPostgresIT), whose row locks differ when
 * two resolutions meet. Conflicts are made the way the store defines them: one department's record, then the same
 * natural key with other content from another department. The hub is a city hub, so every version the libraries
 * write also goes to the sync outbox, which shows that keeping the incoming side takes the store's path.
 */
abstract class ConflictsBehaviour extends HubTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void cityWithSmallUploads(DynamicPropertyRegistry registry) {
        registry.add("huiju.mappings", () -> TestHome.REPO.resolve("mappings").toString());
        registry.add("huiju.sync.role", () -> "city");
        registry.add("huiju.console.upload.max-size", () -> "1MB");
    }

    @LocalServerPort
    int port;

    /** scjg's record and zf's other content for the same key: one open conflict, returned with its id. */
    private record Made(PenaltyFile mine, Receipt theirs, long id, String recordId) {}

    private Made conflict(String fine) throws Exception {
        PenaltyFile mine = new PenaltyFile().company(1);
        drop("scjg", "mine.csv", mine.utf8());
        Receipt theirs = drop(
                "zf",
                "theirs.csv",
                mine.sameNumbers().company(1, r -> r.put("罚款金额（万元）", fine)).utf8());
        assertThat(theirs.conflicts()).isEqualTo(1);
        Map<String, Object> row = jdbc.queryForMap(
                "SELECT id, record_id FROM conflict WHERE incoming_payload_id = ?", theirs.payloadId());
        return new Made(mine, theirs, ((Number) row.get("id")).longValue(), (String) row.get("record_id"));
    }

    private ConsoleSession operator() throws Exception {
        return ConsoleSession.of(port, "platform-wang", "platform-console-3");
    }

    private static String decision(String side, String reason) throws Exception {
        return JSON.writeValueAsString(Map.of("side", side, "reason", reason));
    }

    @Test
    void keepingTheIncomingSideWritesANewVersionThroughTheStoreOnce() throws Exception {
        Made c = conflict("5");
        ConsoleSession operator = operator();

        JsonNode list = JSON.readTree(operator.get("/console/api/conflicts").body());
        JsonNode shown = null;
        for (JsonNode open : list.get("open")) {
            shown = open.get("id").asLong() == c.id() ? open : shown;
        }
        assertThat(shown).as("conflict %s listed as open", c.id()).isNotNull();
        assertThat(shown.at("/current/department").asText()).isEqualTo("scjg");
        assertThat(shown.at("/current/version").asInt()).isEqualTo(1);
        assertThat(shown.at("/incoming/department").asText()).isEqualTo("zf");
        assertThat(shown.at("/incoming/departmentName").asText()).isEqualTo("龙岩市城市管理综合执法局");
        assertThat(shown.at("/incoming/payloadId").asText())
                .isEqualTo(c.theirs().payloadId());
        assertThat(shown.get("category").asText()).isEqualTo("PENALTY");
        List<String> differing = new ArrayList<>();
        shown.get("fields").forEach(f -> {
            if (f.get("differs").asBoolean()) {
                differing.add(f.get("field").asText() + "=" + f.get("current").asText() + "→"
                        + f.get("incoming").asText());
            }
        });
        // the fine, and the reporting department the mapping fills in from who sent the file
        assertThat(differing)
                .containsExactly("decision.sourceDepartment=龙岩市市场监督管理局→龙岩市城市管理综合执法局", "details.fineAmount=0.2→5");

        HttpResponse<String> resolved = operator.postJson(
                "/console/api/conflicts/" + c.id() + "/resolution",
                decision("KEEP_INCOMING", "执法局的罚款金额以决定书原件为准"),
                operator.csrf());

        assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
        assertThat(JSON.readTree(resolved.body()).get("resolvedVersion").asInt())
                .isEqualTo(2);
        Map<String, Object> current = library("legal_person_record", c.mine().documentNumber(1));
        assertThat(current)
                .containsEntry("version", 2)
                .containsEntry("department", "zf")
                .containsEntry("payload_id", c.theirs().payloadId());
        assertThat((String) current.get("body")).contains("\"fineAmount\":5");
        List<Map<String, Object>> history = jdbc.queryForList(
                "SELECT version, department, body FROM legal_person_record_history WHERE record_id = ?", c.recordId());
        assertThat(history).hasSize(1);
        assertThat(history.get(0)).containsEntry("version", 1).containsEntry("department", "scjg");
        assertThat((String) history.get(0).get("body")).contains("\"fineAmount\":0.2");
        assertThat(syncOutbox(c.recordId()))
                .as("the new version goes to the province like any version the store writes")
                .containsExactly(1, 2);
        assertThat(jdbc.queryForMap("SELECT * FROM conflict WHERE id = ?", c.id()))
                .containsEntry("status", "RESOLVED")
                .containsEntry("resolution", "KEEP_INCOMING")
                .containsEntry("resolution_reason", "执法局的罚款金额以决定书原件为准")
                .containsEntry("resolved_by", "platform-wang")
                .containsEntry("resolved_version", 2);
        assertThat(jdbc.queryForObject("SELECT resolved_at FROM conflict WHERE id = ?", Object.class, c.id()))
                .isNotNull();

        HttpResponse<String> again = operator.postJson(
                "/console/api/conflicts/" + c.id() + "/resolution", decision("KEEP_INCOMING", "再点一次"), operator.csrf());

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(again.body()).get("error").asText())
                .contains("已由 platform-wang")
                .contains("未再次处理");
        assertThat(JSON.readTree(again.body()).get("errorEn").asText()).contains("already resolved");
        assertThat(library("legal_person_record", c.mine().documentNumber(1))).containsEntry("version", 2);
        assertThat(syncOutbox(c.recordId())).containsExactly(1, 2);
        assertThat(jdbc.queryForList(
                        "SELECT detail FROM audit_log WHERE username = 'platform-wang' AND action = 'RESOLVE_CONFLICT'"
                                + " AND payload_id = ?",
                        String.class,
                        c.theirs().payloadId()))
                .singleElement()
                .asString()
                .contains("KEEP_INCOMING")
                .contains("version 2")
                .contains("执法局的罚款金额以决定书原件为准");
        assertThat(JSON.readTree(operator.get("/console/api/conflicts").body())
                        .get("open")
                        .toString())
                .doesNotContain("\"id\":" + c.id() + ",");
    }

    @Test
    void keepingTheCurrentSideLeavesTheLibraryAsItWas() throws Exception {
        Made c = conflict("6");
        Map<String, Object> before = library("legal_person_record", c.mine().documentNumber(1));
        ConsoleSession operator = operator();

        HttpResponse<String> resolved = operator.postJson(
                "/console/api/conflicts/" + c.id() + "/resolution",
                decision("KEEP_CURRENT", "市场监管局为该决定的作出机关"),
                operator.csrf());

        assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
        assertThat(library("legal_person_record", c.mine().documentNumber(1))).isEqualTo(before);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM legal_person_record_history WHERE record_id = ?",
                        Integer.class,
                        c.recordId()))
                .isZero();
        assertThat(syncOutbox(c.recordId())).containsExactly(1);
        assertThat(jdbc.queryForMap("SELECT * FROM conflict WHERE id = ?", c.id()))
                .containsEntry("status", "RESOLVED")
                .containsEntry("resolution", "KEEP_CURRENT")
                .containsEntry("resolved_version", null);
        assertThat(auditDetails("RESOLVE_CONFLICT"))
                .anyMatch(d -> d.startsWith("conflict " + c.id() + " ")
                        && d.contains("KEEP_CURRENT")
                        && d.contains("市场监管局为该决定的作出机关"));
    }

    @Test
    void twoResolutionsAtOnceWriteOneVersion() throws Exception {
        Made c = conflict("7");
        ConsoleSession operator = operator();
        String token = operator.csrf();
        String path = "/console/api/conflicts/" + c.id() + "/resolution";

        List<CompletableFuture<HttpResponse<String>>> both = List.of(
                meanwhile(() -> operator.postJson(path, decision("KEEP_INCOMING", "以执法局为准"), token)),
                meanwhile(() -> operator.postJson(path, decision("KEEP_INCOMING", "以执法局为准"), token)));

        List<Integer> statuses =
                both.stream().map(f -> f.join().statusCode()).sorted().toList();
        assertThat(statuses).containsExactly(200, 409);
        assertThat(library("legal_person_record", c.mine().documentNumber(1))).containsEntry("version", 2);
        assertThat(syncOutbox(c.recordId())).containsExactly(1, 2);
        assertThat(auditDetails("RESOLVE_CONFLICT"))
                .filteredOn(d -> d.startsWith("conflict " + c.id() + " "))
                .hasSize(1);
    }

    @Test
    void aResolutionNeedsAReasonASideAndAnOpenConflict() throws Exception {
        Made c = conflict("8");
        ConsoleSession operator = operator();
        String token = operator.csrf();
        String path = "/console/api/conflicts/" + c.id() + "/resolution";

        HttpResponse<String> noReason = operator.postJson(path, "{\"side\":\"KEEP_INCOMING\"}", token);
        HttpResponse<String> blank = operator.postJson(path, decision("KEEP_INCOMING", "   "), token);
        HttpResponse<String> noSide = operator.postJson(path, decision("BOTH", "合并"), token);
        HttpResponse<String> unknown =
                operator.postJson("/console/api/conflicts/987654321/resolution", decision("KEEP_CURRENT", "x"), token);

        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noReason.body()).get("error").asText()).isEqualTo("请填写处理理由");
        assertThat(JSON.readTree(noReason.body()).get("errorEn").asText())
                .isEqualTo("Please give the reason for the decision");
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(noSide.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noSide.body()).get("error").asText()).contains("KEEP_CURRENT");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT status FROM conflict WHERE id = ?", String.class, c.id()))
                .isEqualTo("OPEN");
        assertThat(library("legal_person_record", c.mine().documentNumber(1))).containsEntry("version", 1);
    }

    @Test
    void departmentUsersAndForgedRequestsCannotResolve() throws Exception {
        Made c = conflict("9");
        String path = "/console/api/conflicts/" + c.id() + "/resolution";
        ConsoleSession zf = ConsoleSession.of(port, "zf-li", "zf-console-2");

        assertThat(zf.get("/console/api/conflicts").statusCode()).isEqualTo(403);
        assertThat(zf.get("/console/conflicts.html").statusCode()).isEqualTo(403);
        assertThat(zf.postJson(path, decision("KEEP_INCOMING", "我方为准"), zf.csrf())
                        .statusCode())
                .isEqualTo(403);
        assertThat(zf.get("/console/api/me").body()).doesNotContain("operator");

        ConsoleSession operator = operator();
        HttpResponse<String> forged = operator.postJson(path, decision("KEEP_INCOMING", "伪造"), null);
        assertThat(forged.statusCode()).isEqualTo(403);

        assertThat(jdbc.queryForObject("SELECT status FROM conflict WHERE id = ?", String.class, c.id()))
                .isEqualTo("OPEN");
        assertThat(library("legal_person_record", c.mine().documentNumber(1))).containsEntry("version", 1);
        assertThat(jdbc.queryForList(
                        "SELECT username || ' ' || detail FROM audit_log WHERE action = 'DENIED'", String.class))
                .anyMatch(d -> d.startsWith("zf-li GET /console/api/conflicts"))
                .anyMatch(d -> d.startsWith("zf-li POST " + path))
                .anyMatch(d -> d.startsWith("platform-wang POST " + path));
    }

    @Test
    void theIncomingDepartmentSeesWhatBecameOfItsRowAndNoOtherDepartmentDoes() throws Exception {
        Made c = conflict("3");
        ConsoleSession operator = operator();
        operator.postJson(
                "/console/api/conflicts/" + c.id() + "/resolution",
                decision("KEEP_CURRENT", "以作出机关为准"),
                operator.csrf());
        String path = "/console/api/payloads/" + c.theirs().payloadId() + "/conflicts";

        HttpResponse<String> zf =
                ConsoleSession.of(port, "zf-li", "zf-console-2").get(path);
        HttpResponse<String> scjg =
                ConsoleSession.of(port, "scjg-zhang", "scjg-console-1").get(path);

        assertThat(zf.statusCode()).isEqualTo(200);
        JsonNode row = JSON.readTree(zf.body()).get(0);
        assertThat(row.get("line").asLong()).isEqualTo(2);
        assertThat(row.get("status").asText()).isEqualTo("RESOLVED");
        assertThat(row.get("resolution").asText()).isEqualTo("KEEP_CURRENT");
        assertThat(row.get("reason").asText()).isEqualTo("以作出机关为准");
        assertThat(scjg.statusCode()).as("another department's payload").isEqualTo(404);
        assertThat(jdbc.queryForList(
                        "SELECT username FROM audit_log WHERE action = 'DENIED' AND payload_id = ?",
                        String.class,
                        c.theirs().payloadId()))
                .contains("scjg-zhang");
    }

    // ---------------------------------------------------------------- the upload form's bad input

    @Test
    void anOversizedUploadIsRefusedWithAReasonAndNothingIsStored() throws Exception {
        ConsoleSession scjg = ConsoleSession.of(port, "scjg-zhang", "scjg-console-1");
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM payload", Integer.class);
        byte[] big = ("a".repeat(1023) + "\n").repeat(1536).getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> answer = scjg.upload("big.csv", big, scjg.csrf());

        assertThat(answer.statusCode()).isEqualTo(413);
        JsonNode refusal = JSON.readTree(answer.body());
        assertThat(refusal.get("error").asText()).contains("超过控制台允许的大小（1 MB）");
        assertThat(refusal.get("errorEn").asText()).contains("larger than the console takes (1 MB)");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payload", Integer.class))
                .isEqualTo(before);
        assertThat(findUnder(home.resolve("data/uploads"), ".part"))
                .as("no half-written upload")
                .isFalse();
        assertThat(scjg.get("/console/api/uploads/limit").body()).isEqualTo("{\"maxBytes\":1048576}");
    }

    @Test
    void theSameFileSubmittedTwiceIsOnePayload() throws Exception {
        ConsoleSession scjg = ConsoleSession.of(port, "scjg-zhang", "scjg-console-1");
        String token = scjg.csrf();
        byte[] file = new PenaltyFile().company(1).company(2).utf8();
        String name = "twice-" + System.nanoTime() + ".csv";

        List<HttpResponse<String>> answers =
                Stream.of(1, 2).map(i -> meanwhile(() -> scjg.upload(name, file, token))).toList().stream()
                        .map(CompletableFuture::join)
                        .toList();
        HttpResponse<String> later = scjg.upload(name, file, token);

        List<String> ids = new ArrayList<>();
        List<Boolean> repeats = new ArrayList<>();
        for (HttpResponse<String> a :
                Stream.concat(answers.stream(), Stream.of(later)).toList()) {
            assertThat(a.statusCode()).as(a.body()).isIn(200, 202);
            ids.add(JSON.readTree(a.body()).get("payloadId").asText());
            repeats.add(JSON.readTree(a.body()).get("repeat").asBoolean());
        }
        assertThat(ids).as("every answer names the one payload").containsOnly(ids.get(0));
        assertThat(repeats).containsExactlyInAnyOrder(false, true, true);
        await().atMost(Duration.ofSeconds(60)).until(() -> !"RECEIVED"
                .equals(payloads.find(ids.get(0)).orElseThrow().status()));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payload WHERE file_name = ?", Integer.class, name))
                .isEqualTo(1);
        assertThat(payloads.find(ids.get(0)).orElseThrow().stored()).isEqualTo(2);
    }

    @Test
    void theSameFileAgainAfterARejectionOrWithAnotherMappingIsANewPayload() throws Exception {
        ConsoleSession scjg = ConsoleSession.of(port, "scjg-zhang", "scjg-console-1");
        String token = scjg.csrf();
        byte[] file = new PenaltyFile().company(1).utf8();
        String name = "retry-" + System.nanoTime() + ".csv";

        JsonNode wrong = JSON.readTree(
                scjg.upload(name, file, "legacy-2016-license", token).body());
        await().atMost(Duration.ofSeconds(60)).until(() -> "REJECTED"
                .equals(payloads.find(wrong.get("payloadId").asText())
                        .orElseThrow()
                        .status()));
        JsonNode again = JSON.readTree(
                scjg.upload(name, file, "legacy-2016-license", token).body());
        JsonNode right =
                JSON.readTree(scjg.upload(name, file, "national-penalty", token).body());

        assertThat(again.get("repeat").asBoolean())
                .as("a rejected payload sent again is a retry")
                .isFalse();
        assertThat(again.get("payloadId").asText())
                .isNotEqualTo(wrong.get("payloadId").asText());
        assertThat(right.get("repeat").asBoolean()).as("another mapping").isFalse();
        assertThat(right.get("payloadId").asText())
                .isNotIn(wrong.get("payloadId").asText(), again.get("payloadId").asText());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payload WHERE file_name = ?", Integer.class, name))
                .isEqualTo(3);
    }

    /** A request sent on another thread, so that two of them meet in the hub. */
    private static CompletableFuture<HttpResponse<String>> meanwhile(Callable<HttpResponse<String>> request) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return request.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private List<Integer> syncOutbox(String recordId) {
        return jdbc.queryForList(
                "SELECT version FROM sync_outbox WHERE record_id = ? ORDER BY version", Integer.class, recordId);
    }

    private List<String> auditDetails(String action) {
        return jdbc.queryForList("SELECT detail FROM audit_log WHERE action = ?", String.class, action);
    }
}
