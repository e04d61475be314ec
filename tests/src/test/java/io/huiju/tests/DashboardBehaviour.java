package io.huiju.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.huiju.hub.console.monitor.ReminderJob;
import io.huiju.hub.store.Receipt;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The operators' dashboard and the reminders (催报) over HTTP, with a real SMTP server (GreenMail on a free port), on
 * each store through the subclasses (the dashboard's SQL is the part that differs). Two departments
 * ({@link DashboardData}): scjg reports during the test (daily, on time), zf reported 40 days ago (weekly, so 32 days
 * overdue).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class DashboardBehaviour extends HubTest {

    static final String ZF_NAME = DashboardData.ZF_NAME;
    static final String ZF_MAIL = DashboardData.ZF_MAIL;
    static final String CRON = "0 0 0 29 2 ?";

    /** A started SMTP server on 127.0.0.1 and a free port; subclasses give its port as {@code spring.mail.port}. */
    static GreenMail startMail() {
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    @DynamicPropertySource
    static void departmentsAndMail(DynamicPropertyRegistry registry) {
        registry.add("huiju.mappings", () -> TestHome.REPO.resolve("mappings").toString());
        DashboardData.departments(registry);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        // the test runs the job itself, after scjg has reported; its own schedule (29 February at midnight) never
        // comes during a test but shows that the setting is what schedules the job
        registry.add("huiju.monitor.reminders.cron", () -> CRON);
    }

    /** This suite's SMTP server. */
    abstract GreenMail mail();

    @LocalServerPort
    int port;

    @Autowired
    ReminderJob job;

    private Receipt scjgReport;
    private Instant zfReport;

    @BeforeAll
    void departmentsReported() throws Exception {
        scjgReport = drop("scjg", "dashboard.csv", DashboardData.scjgFile());
        assertThat(scjgReport.status()).isEqualTo("DONE");
        assertThat(List.of(scjgReport.received(), scjgReport.stored(), scjgReport.rejected()))
                .isEqualTo(List.of(4, 2, 2));
        zfReport = DashboardData.zfReportedLongAgo(jdbc);
    }

    @Autowired
    List<ScheduledTaskHolder> schedulers;

    @Test
    @Order(0)
    void theJobIsScheduledOnTheConfiguredCron() {
        assertThat(schedulers.stream()
                        .flatMap(s -> s.getScheduledTasks().stream())
                        .map(ScheduledTask::getTask)
                        .filter(task -> task instanceof CronTask cron
                                && cron.getExpression().equals(CRON))
                        .map(Object::toString))
                .singleElement()
                .asString()
                .contains("ReminderJob.run");
    }

    @Test
    @Order(1)
    void theDashboardShowsEachDepartmentAgainstItsPeriodWithCountsAndRates() throws Exception {
        JsonNode view = operator().json("/console/api/monitor/dashboard");

        JsonNode scjg = department(view, "scjg");
        assertThat(scjg.get("frequency").asText()).isEqualTo("DAILY");
        assertThat(Instant.parse(scjg.get("lastReport").asText())).isEqualTo(scjgReport.receivedAt());
        assertThat(scjg.get("overdue").asBoolean()).isFalse();
        JsonNode totals = scjg.get("totals");
        assertThat(List.of(
                        totals.get("payloads").asLong(),
                        totals.get("received").asLong(),
                        totals.get("stored").asLong(),
                        totals.get("rejected").asLong(),
                        totals.get("conflicts").asLong()))
                .isEqualTo(List.of(1L, 4L, 2L, 2L, 0L));
        JsonNode quality = totals.get("quality");
        assertThat(quality.get("completeness").asDouble())
                .as("3 of 4 rows complete")
                .isEqualTo(0.75);
        assertThat(quality.get("validity").asDouble())
                .as("2 of 4 rows accepted")
                .isEqualTo(0.5);
        assertThat(quality.get("timeliness").asDouble())
                .as("of 2 stored decisions, today's is on time, 2024's is not")
                .isEqualTo(0.5);
        assertThat(quality.get("consistency").asDouble()).as("no conflicts").isEqualTo(1.0);

        JsonNode zf = department(view, "zf");
        assertThat(zf.get("overdue").asBoolean()).isTrue();
        assertThat(zf.get("daysOverdue").asLong())
                .as("40 days − 7 (P7D) − 1 (grace)")
                .isEqualTo(32);
        assertThat(Instant.parse(zf.get("lastReport").asText())).isEqualTo(zfReport);
        assertThat(zf.get("totals").get("quality").get("validity").isNull())
                .as("nothing received in the window: no rate")
                .isTrue();

        JsonNode charts = view.get("charts");
        JsonNode penalties = charts.get("recordsPerDay").get("PENALTY");
        assertThat(penalties.get(penalties.size() - 1).asLong())
                .as("stored today")
                .isEqualTo(2);
        assertThat(charts.get("days").size()).isEqualTo(penalties.size());
        assertThat(codes(charts.get("rejectReasons"))).contains("REQUIRED=1", "USCC_CHECK=1");
        assertThat(charts.get("mostOverdue").get(0).get("code").asText()).isEqualTo("zf");
        assertThat(charts.get("mostOverdue").get(0).get("days").asLong()).isEqualTo(32);
        JsonNode validity = charts.get("qualityTrend").get("validity");
        assertThat(validity.get(validity.size() - 1).asDouble()).isEqualTo(0.5);
    }

    @Test
    @Order(2)
    void aDepartmentUserIsRefusedTheDashboard() throws Exception {
        ConsoleSession scjg = ConsoleSession.login(port, "scjg-zhang", "scjg-console-1");

        assertThat(scjg.get("/console/api/monitor/dashboard").statusCode()).isEqualTo(403);
        assertThat(scjg.get("/console/dashboard.html").statusCode()).isEqualTo(403);
        assertThat(scjg.json("/console/api/me").get("roles").toString()).doesNotContain("operator");
    }

    @Test
    @Order(3)
    void theJobRemindsTheOverdueDepartmentOnlyAndOncePerPeriod() throws Exception {
        job.run();
        job.run();

        MimeMessage[] mails = mail().getReceivedMessages();
        assertThat(mails).as("one mail: zf once, scjg (on time) never").hasSize(1);
        assertThat(mails[0].getRecipients(Message.RecipientType.TO))
                .extracting(Object::toString)
                .containsExactly(ZF_MAIL);
        assertThat(mails[0].getSubject()).contains("催报").contains(ZF_NAME);
        String body = mails[0].getContent().toString();
        assertThat(body)
                .contains(ZF_NAME)
                .contains("每周")
                .contains("已逾期")
                .contains(zfReport.atZone(java.time.ZoneId.systemDefault())
                        .toLocalDate()
                        .toString());

        assertThat(reminderRows())
                .containsExactly("zf CONSOLE SENT job console users of zf", "zf EMAIL SENT job " + ZF_MAIL);

        JsonNode notices = ConsoleSession.login(port, "zf-li", "zf-console-2").json("/console/api/notices");
        assertThat(notices).hasSize(1);
        assertThat(notices.get(0).get("subject").asText()).contains("催报").contains(ZF_NAME);
        assertThat(ConsoleSession.login(port, "scjg-zhang", "scjg-console-1").json("/console/api/notices"))
                .isEmpty();

        JsonNode view = operator().json("/console/api/monitor/dashboard");
        assertThat(department(view, "zf").get("lastReminder").isNull()).isFalse();
        assertThat(view.get("reminders")).hasSize(2);
    }

    @Test
    @Order(4)
    void anOperatorRemindsByHandWithTheCsrfTokenAndIsAudited() throws Exception {
        ConsoleSession operator = operator();
        int mails = mail().getReceivedMessages().length;
        int rows = reminderRows().size();

        assertThat(operator.post("/console/api/monitor/reminders/zf", false).statusCode())
                .as("without the CSRF token")
                .isEqualTo(403);
        assertThat(ConsoleSession.login(port, "zf-li", "zf-console-2")
                        .post("/console/api/monitor/reminders/zf", true)
                        .statusCode())
                .as("a department user")
                .isEqualTo(403);
        assertThat(reminderRows()).hasSize(rows);
        assertThat(mail().getReceivedMessages()).hasSize(mails);

        assertThat(operator.post("/console/api/monitor/reminders/scjg", true).statusCode())
                .as("scjg is not overdue")
                .isEqualTo(409);
        assertThat(operator.post("/console/api/monitor/reminders/nosuch", true).statusCode())
                .isEqualTo(404);
        HttpResponse<String> reminded = operator.post("/console/api/monitor/reminders/zf", true);
        assertThat(reminded.statusCode()).as(reminded.body()).isEqualTo(200);
        assertThat(ConsoleSession.parse(reminded.body()).get("reminders")).hasSize(2);

        assertThat(mail().getReceivedMessages()).hasSize(mails + 1);
        assertThat(mail().getReceivedMessages()[mails].getContent().toString()).contains("操作员 platform-wang");
        assertThat(reminderRows())
                .endsWith(
                        "zf CONSOLE SENT platform-wang console users of zf", "zf EMAIL SENT platform-wang " + ZF_MAIL);
        assertThat(jdbc.queryForList(
                        "SELECT detail FROM audit_log WHERE username = 'platform-wang' AND action = 'REMIND'",
                        String.class))
                .containsExactly("zf: CONSOLE SENT, EMAIL SENT");
        assertThat(jdbc.queryForList(
                        "SELECT detail FROM audit_log WHERE action = 'DENIED' AND detail LIKE ?",
                        String.class,
                        "POST /console/api/monitor/reminders/zf%"))
                .as("both refusals audited")
                .hasSize(2);
    }

    @Test
    @Order(5)
    void aMailServerThatIsDownIsAFailedRowAndTheNoticeIsStillLeft() throws Exception {
        mail().stop();

        HttpResponse<String> reminded = operator().post("/console/api/monitor/reminders/zf", true);

        assertThat(reminded.statusCode()).as(reminded.body()).isEqualTo(200);
        List<java.util.Map<String, Object>> rows =
                jdbc.queryForList("SELECT channel, outcome, detail FROM reminder_log ORDER BY id DESC LIMIT 2");
        assertThat(rows.get(0).get("CHANNEL") + " " + rows.get(0).get("OUTCOME"))
                .isEqualTo("EMAIL FAILED");
        assertThat(String.valueOf(rows.get(0).get("DETAIL")))
                .as("the mail server's answer")
                .contains("127.0.0.1");
        assertThat(rows.get(1).get("CHANNEL") + " " + rows.get(1).get("OUTCOME"))
                .isEqualTo("CONSOLE SENT");
    }

    private ConsoleSession operator() throws Exception {
        return ConsoleSession.login(port, "platform-wang", "platform-console-3");
    }

    private static JsonNode department(JsonNode view, String code) {
        return StreamSupport.stream(view.get("departments").spliterator(), false)
                .filter(d -> d.get("code").asText().equals(code))
                .findFirst()
                .orElseThrow(() -> new AssertionError(code + " not on the dashboard: " + view.get("departments")));
    }

    private static List<String> codes(JsonNode counts) {
        List<String> codes = new ArrayList<>();
        counts.forEach(
                c -> codes.add(c.get("code").asText() + "=" + c.get("count").asLong()));
        return codes;
    }

    private List<String> reminderRows() {
        return jdbc
                .queryForList(
                        "SELECT department, channel, outcome, triggered_by, recipient FROM reminder_log ORDER BY id")
                .stream()
                .map(r -> r.get("department") + " " + r.get("channel") + " " + r.get("outcome") + " "
                        + r.get("triggered_by") + " " + r.get("recipient"))
                .toList();
    }
}
