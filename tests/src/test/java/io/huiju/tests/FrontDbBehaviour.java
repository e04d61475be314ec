package io.huiju.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.huiju.hub.store.Receipt;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.engine.DefaultShutdownStrategy;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The front-end database channel (前置库) against a real server as the department's database, once per kind of
 * server through the subclasses (MariaDB, PostgreSQL): each suite creates its own database and a department login with
 * table grants only, and drops both. The hub runs on H2. Each test has an exchange table and a feed of its own. The SQL
 * here is the portable kind a department would write (unquoted names, {@code CREATE INDEX}); what differs per server
 * (timestamp type, grants, locks) is asked of the subclass.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// the feeds poll every 500 ms: a finished suite's hub must not go on polling a dropped database during the next one
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class FrontDbBehaviour extends HubTest {

    @Autowired
    CamelContext camel;

    @Autowired
    HealthContributorRegistry health;

    // ------------------------------------------------------------------------- what differs per server

    /** The JDBC URL the hub's feed uses, to the suite's database, on that port. */
    abstract String feedUrl(int port);

    abstract int port();

    /** The department login the hub uses (its password is the property huiju.test.frontdb-password). */
    abstract String login();

    /** The SQL type of an update timestamp with microseconds. */
    abstract String timestampType();

    /** A connection to the suite's database as its owner (the department's side). */
    abstract Connection department() throws SQLException;

    /** {@code GRANT privileges ON table TO login}, as the server spells it. */
    abstract void grant(String privileges, String table);

    abstract void revoke(String privileges, String table);

    /** Lets the login create (and then use) that table. */
    abstract void allowCreating(String table);

    /** Locks the table against reads and writes, as a department's batch job might, until closed. */
    abstract AutoCloseable lock(String table) throws SQLException;

    // ------------------------------------------------------------------------------------ timestamp mode

    @Test
    @Order(1)
    void rowsAreStoredNewVersionsAndLateRowsTakenAndEachOutcomeWrittenBack() {
        String table = exchangeTable("penalty_a");
        String prefix = prefix();
        LocalDateTime t0 = now().minusMinutes(1);
        insert(table, 1, t0, penalty(prefix + 1, r -> {}));
        insert(table, 2, t0, penalty(prefix + 2, r -> r.put("CF_XDR_MC", null)));
        insert(table, 3, t0.plusSeconds(1), penalty(null, r -> {})); // NULL in the record's key column
        insert(table, 4, t0.plusSeconds(2), penalty(prefix + 4, r -> r.put("CF_XDR_SHXYM", "91350802MA2XY3K1XH00")));
        long since = System.currentTimeMillis();
        feed(table);

        Receipt first = awaitPayload(table, since);
        assertThat(first.status()).isEqualTo("DONE");
        assertThat(first.channel()).isEqualTo("FRONTDB");
        assertThat(first.received()).isEqualTo(4);
        assertThat(first.stored()).isEqualTo(1);
        assertThat(first.rejected()).isEqualTo(3);
        assertThat(library("legal_person_record", prefix + 1))
                .containsEntry("department", "scjg")
                .containsEntry("version", 1);
        awaitFeedback("1");
        assertThat(feedback("1")).containsExactly("ACCEPTED:null:" + first.payloadId());
        assertThat(feedback("2")).singleElement().asString().startsWith("REJECTED:REQUIRED");
        assertThat(feedback("3")).singleElement().asString().startsWith("REJECTED:REQUIRED");
        assertThat(feedback("4")).singleElement().asString().startsWith("REJECTED:USCC_LENGTH");
        assertThat(watermarkKey(table)).isEqualTo("4");

        // The department corrects row 1: a new timestamp makes it a new version.
        since = System.currentTimeMillis();
        update(table, 1, now(), "CF_NR_FK", new java.math.BigDecimal("0.35"));
        Receipt second = awaitPayload(table, since);
        assertThat(second.stored()).isEqualTo(1);
        assertThat(library("legal_person_record", prefix + 1)).containsEntry("version", 2);

        // A row that commits late, with a timestamp older than the watermark: inside the look-back window, still taken.
        since = System.currentTimeMillis();
        insert(table, 5, t0.minusSeconds(30), penalty(prefix + 5, r -> {}));
        Receipt late = awaitPayload(table, since);
        assertThat(late.received()).isEqualTo(1);
        assertThat(late.stored()).isEqualTo(1);
        assertThat(count("legal_person_record", prefix + 5)).isEqualTo(1);
        awaitFeedback("5");
        assertThat(feedback("5")).singleElement().asString().startsWith("ACCEPTED");
        // …and nothing else was taken again: each row has exactly one outcome per version taken
        assertThat(feedback("1")).hasSize(2);
        assertThat(feedback("2")).hasSize(1);
    }

    @Test
    @Order(2)
    void aValueLongerThanTheLibraryHoldsIsAnsweredNotStuck() {
        String table = exchangeTable("penalty_long");
        String prefix = prefix();
        insert(table, 101, now().minusSeconds(5), penalty(prefix + 101, r -> r.put("CF_XDR_MC", "龙".repeat(600))));
        insert(table, 102, now().minusSeconds(5), penalty(prefix + 102, r -> {}));
        long since = System.currentTimeMillis();
        feed(table);

        Receipt receipt = awaitPayload(table, since);
        assertThat(receipt.status()).isEqualTo("DONE");
        assertThat(count("legal_person_record", prefix + 102)).isEqualTo(1);
        awaitFeedback("102");
        assertThat(feedback("101")).singleElement().asString().startsWith("REJECTED");
    }

    @Test
    @Order(3)
    void aRenamedColumnIsRefusedWithItsNameBacksOffAndIsTakenOnceFixed() {
        String table = "penalty_renamed";
        admin("CREATE TABLE " + table + " (" + columns().replace("CF_WSH ", "CF_WSH_NO ") + ")");
        grant("SELECT", table);
        String prefix = prefix();
        insert(table, 201, now().minusSeconds(5), penalty(prefix + 201, r -> r.put("CF_WSH_NO", r.remove("CF_WSH"))));
        long since = System.currentTimeMillis();
        feed(table);

        Receipt refused = awaitPayload(table, since);
        assertThat(refused.status()).isEqualTo("REJECTED");
        assertThat(refused.errorCode()).isEqualTo("MISSING_COLUMN");
        assertThat(refused.error()).contains("行政处罚决定书文号");
        awaitFeedback("201");
        assertThat(feedback("201")).singleElement().asString().startsWith("REJECTED:MISSING_COLUMN");
        assertThat(feedHealth(table)).containsEntry("failures", 1);
        assertThat(String.valueOf(feedHealth(table).get("lastError"))).contains("MISSING_COLUMN");

        // no crash loop: polls every 500 ms, but after a refusal the waits double (1 s, 2 s, 4 s…)
        sleep(Duration.ofSeconds(4));
        assertThat(payloadsOf(table)).isBetween(2, 3);

        // The department renames the column back: the row is taken, nothing was skipped.
        admin("ALTER TABLE " + table + " RENAME COLUMN CF_WSH_NO TO CF_WSH");
        await().atMost(Duration.ofSeconds(60)).until(() -> count("legal_person_record", prefix + 201) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> "201".equals(watermarkKey(table)));
        assertThat(feedHealth(table)).containsEntry("failures", 0);
    }

    @Test
    @Order(4)
    void aDatabaseThatRefusesTheHubIsRetriedWithBackOffWhileOtherFeedsGoOn() throws Exception {
        String table = exchangeTable("penalty_down");
        String prefix = prefix();
        feed(table);
        revoke("SELECT", table);
        await().atMost(Duration.ofSeconds(30)).until(() -> failures(table) >= 3);
        assertThat(String.valueOf(feedHealth(table).get("lastError"))).contains(table);
        int before = failures(table);
        sleep(Duration.ofSeconds(2));
        // the waits double from 500 ms: the third failure was followed by a 4 s wait, so 2 s later at most one more
        assertThat(failures(table)).isLessThanOrEqualTo(before + 1);

        // meanwhile the other channels work
        PenaltyFile file = new PenaltyFile().company(1);
        assertThat(drop("scjg", "while-frontdb-down.csv", file.utf8()).stored()).isEqualTo(1);

        // access is given back: the rows written meanwhile are taken
        insert(table, 301, now().minusSeconds(5), penalty(prefix + 301, r -> {}));
        grant("SELECT", table);
        await().atMost(Duration.ofSeconds(60)).until(() -> count("legal_person_record", prefix + 301) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> failures(table) == 0);
    }

    @Test
    @Order(5)
    void aWrongPortFailsFastAndBacksOffWithoutPayloads() {
        String table = exchangeTable("penalty_wrong_port");
        insert(table, 401, now().minusSeconds(5), penalty(prefix() + 401, r -> {}));
        feed(table, "url", feedUrl(1));

        await().atMost(Duration.ofSeconds(30)).until(() -> failures(table) >= 2);
        assertThat(String.valueOf(feedHealth(table).get("lastError"))).containsIgnoringCase("connect");
        assertThat(payloadsOf(table)).isZero();
    }

    @Test
    @Order(6)
    void theHubCreatesItsFeedbackTableWhenAllowed() {
        String table = exchangeTable("penalty_own_feedback");
        allowCreating("huiju_feedback_auto");
        String prefix = prefix();
        insert(table, 501, now().minusSeconds(5), penalty(prefix + 501, r -> {}));
        long since = System.currentTimeMillis();
        feed(table, "feedbackTable", "huiju_feedback_auto", "createFeedbackTable", "true");

        assertThat(awaitPayload(table, since).stored()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> frontDb("SELECT COUNT(*) FROM huiju_feedback_auto WHERE source_key = ?", "501") == 1);
    }

    @Test
    @Order(7)
    void aNullInTheKeyColumnLeavesTheRowWhereItIsCountedInHealthUntilTheDepartmentGivesItAKey() {
        String table = "penalty_null_key";
        admin("CREATE TABLE " + table + " (row_no VARCHAR(32), " + columns() + ")");
        grant("SELECT", table);
        String prefix = prefix();
        LocalDateTime t0 = now().minusSeconds(10);
        insert(table, 601, t0, penalty(prefix + 601, r -> r.put("row_no", null)));
        insert(table, 602, t0, penalty(prefix + 602, r -> r.put("row_no", "R602")));
        long since = System.currentTimeMillis();
        feed(table, "keyColumns", "row_no");

        Receipt receipt = awaitPayload(table, since);
        assertThat(receipt.received()).isEqualTo(1);
        assertThat(count("legal_person_record", prefix + 602)).isEqualTo(1);
        assertThat(count("legal_person_record", prefix + 601)).isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> rowsWithoutKey(table) == 1);
        assertThat(feedback("R602")).singleElement().asString().startsWith("ACCEPTED");

        // the department gives it a key (and, as on every change, a new timestamp): it is taken
        update(table, 601, now(), "row_no", "R601");
        await().atMost(Duration.ofSeconds(30)).until(() -> count("legal_person_record", prefix + 601) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> rowsWithoutKey(table) == 0);
        assertThat(feedback("R601")).singleElement().asString().startsWith("ACCEPTED");
    }

    @Test
    @Order(8)
    void aBatchStoredButNotAnsweredIsTakenAgainRecognisedAndAnsweredOnce() {
        String table = exchangeTable("penalty_unanswered");
        String answers = "huiju_feedback_unanswered";
        admin(feedbackTableDdl("TIMESTAMP").replace("huiju_feedback", answers));
        // the hub may read its feedback table but not yet write it: the payload is stored, the answer fails, as a hub
        // stopped between storing and answering would leave it
        grant("SELECT", answers);
        String prefix = prefix();
        insert(table, 1101, now().minusSeconds(5), penalty(prefix + 1101, r -> {}));
        long since = System.currentTimeMillis();
        feed(table, "feedbackTable", answers);

        Receipt first = awaitPayload(table, since);
        assertThat(first.status()).isEqualTo("DONE");
        await().atMost(Duration.ofSeconds(30)).until(() -> failures(table) >= 2);
        assertThat(String.valueOf(feedHealth(table).get("lastError"))).contains("not written");
        assertThat(watermarkKey(table)).isNull();

        grant("INSERT", answers);
        await().atMost(Duration.ofSeconds(60)).until(() -> "1101".equals(watermarkKey(table)));
        assertThat(count("legal_person_record", prefix + 1101)).isEqualTo(1);
        assertThat(frontDb(
                        "SELECT COUNT(*) FROM " + answers + " WHERE source_key = ? AND payload_id = ?",
                        "1101",
                        first.payloadId()))
                .isEqualTo(1);
        assertThat(frontDb("SELECT COUNT(*) FROM " + answers)).isEqualTo(1);
        assertThat(jdbc.queryForList(
                        "SELECT status FROM payload WHERE file_name LIKE ? AND payload_id <> ?",
                        String.class,
                        table + "-%",
                        first.payloadId()))
                .isNotEmpty()
                .containsOnly("DUPLICATE");
        await().atMost(Duration.ofSeconds(10)).until(() -> failures(table) == 0);
    }

    // ----------------------------------------------------------------------------------------- flag mode

    @Test
    @Order(20)
    void flagModeTakesNewRowsSetsEachFlagWithItsOutcomeAndTakesARowAgainWhenTheDepartmentResetsIt() {
        String table = flagTable("penalty_flag");
        String prefix = prefix();
        insert(table, 701, now(), penalty(prefix + 701, r -> {}));
        insert(table, 702, now(), penalty(prefix + 702, r -> r.put("CF_XDR_SHXYM", "91350802MA2XY3K1XH00")));
        insert(table, 703, now(), penalty(prefix + 703, r -> r.put("sync_flag", 1))); // handed over before the hub
        insert(table, 704, now(), penalty(prefix + 704, r -> {}));
        feed(table, "mode", "flag", "batchSize", "2");

        // two rows per payload, in key order: 701 and 702, then 704
        await().atMost(Duration.ofSeconds(60)).until(() -> flag(table, 704) == 1);
        assertThat(payloadsOf(table)).isEqualTo(2);
        assertThat(flag(table, 701)).isEqualTo(1);
        assertThat(flag(table, 702)).isEqualTo(2);
        assertThat(flag(table, 703)).isEqualTo(1);
        assertThat(count("legal_person_record", prefix + 701)).isEqualTo(1);
        assertThat(count("legal_person_record", prefix + 703)).isZero();
        assertThat(count("legal_person_record", prefix + 704)).isEqualTo(1);
        assertThat(feedback("701")).singleElement().asString().startsWith("ACCEPTED:null:");
        assertThat(feedback("702")).singleElement().asString().startsWith("REJECTED:USCC_LENGTH");
        assertThat(feedback("703")).isEmpty();
        assertThat(feedback("704")).singleElement().asString().startsWith("ACCEPTED:null:");
        assertThat(feedback("701").get(0)).isNotEqualTo(feedback("704").get(0));
        // no watermark: the flags are the channel's position
        assertThat(watermarkKey(table)).isNull();

        // The department corrects the rejected row and hands it over again.
        long since = System.currentTimeMillis();
        admin("UPDATE " + table + " SET CF_XDR_SHXYM = '" + PenaltyFile.COMPANY_CODE
                + "', sync_flag = 0 WHERE id = 702");
        Receipt again = awaitPayload(table, since);
        assertThat(again.received()).isEqualTo(1);
        assertThat(again.stored()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> flag(table, 702) == 1);
        assertThat(feedback("702")).hasSize(2).last().asString().startsWith("ACCEPTED");

        // A row handed over again unchanged: recognised (nothing stored twice), answered, and marked once more.
        admin("UPDATE " + table + " SET sync_flag = 0 WHERE id = 701");
        await().atMost(Duration.ofSeconds(30)).until(() -> feedback("701").size() == 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> flag(table, 701) == 1);
        assertThat(count("legal_person_record", prefix + 701)).isEqualTo(1);
        assertThat(library("legal_person_record", prefix + 701)).containsEntry("version", 1);
        assertThat(feedHealth(table)).containsEntry("failures", 0);
    }

    @Test
    @Order(21)
    void flagModeLeavesRowsWithoutAKeyAloneAndCountsThem() {
        String table = "penalty_flag_null_key";
        admin("CREATE TABLE " + table + " (row_no VARCHAR(32), " + columns() + ")");
        grant("SELECT, UPDATE (sync_flag)", table);
        String prefix = prefix();
        insert(table, 801, now(), penalty(prefix + 801, r -> r.put("row_no", null)));
        insert(table, 802, now(), penalty(prefix + 802, r -> r.put("row_no", "R802")));
        long since = System.currentTimeMillis();
        feed(table, "mode", "flag", "keyColumns", "row_no");

        assertThat(awaitPayload(table, since).received()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> flag(table, 802) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> rowsWithoutKey(table) == 1);
        assertThat(flag(table, 801)).isZero();
        // it does not come back in every payload: no further payload while it has no key
        sleep(Duration.ofSeconds(2));
        assertThat(payloadsOf(table)).isEqualTo(1);

        admin("UPDATE " + table + " SET row_no = 'R801' WHERE id = 801");
        await().atMost(Duration.ofSeconds(30)).until(() -> flag(table, 801) == 1);
        assertThat(count("legal_person_record", prefix + 801)).isEqualTo(1);
        assertThat(feedback("R801")).singleElement().asString().startsWith("ACCEPTED");
    }

    @Test
    @Order(22)
    void aTableTheDepartmentKeepsLockedTimesOutShowsInHealthAndOtherChannelsGoOn() throws Exception {
        String table = flagTable("penalty_locked");
        String prefix = prefix();
        insert(table, 901, now(), penalty(prefix + 901, r -> {}));
        try (AutoCloseable locked = lock(table)) {
            feed(table, "mode", "flag", "queryTimeoutSeconds", "2");
            await().atMost(Duration.ofSeconds(30)).until(() -> failures(table) >= 2);
            assertThat(String.valueOf(feedHealth(table).get("lastError"))).contains("no answer within 2 s");

            // meanwhile the other channels work
            PenaltyFile file = new PenaltyFile().company(7);
            assertThat(drop("scjg", "while-frontdb-locked.csv", file.utf8()).stored())
                    .isEqualTo(1);
            assertThat(payloadsOf(table)).isZero();
        }
        // the lock is released: the row is taken with the next poll after the back-off
        await().atMost(Duration.ofSeconds(60)).until(() -> flag(table, 901) == 1);
        assertThat(count("legal_person_record", prefix + 901)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> failures(table) == 0);
    }

    @Test
    @Order(23)
    void flagModeWritesOutcomesAndFlagsTogetherOrNotAtAllAndTheBatchTakenAgainIsRecognised() {
        String table = flagTable("penalty_flag_atomic");
        String prefix = prefix();
        insert(table, 1001, now(), penalty(prefix + 1001, r -> {}));
        insert(table, 1002, now(), penalty(prefix + 1002, r -> r.put("CF_XDR_SHXYM", "91350802MA2XY3K1XH00")));
        // the hub may not set the flag: the payload is stored, then the outcome-and-flag transaction fails, as a hub
        // stopped between storing and flagging would leave it
        revoke("UPDATE (sync_flag)", table);
        long since = System.currentTimeMillis();
        feed(table, "mode", "flag");

        Receipt first = awaitPayload(table, since);
        assertThat(first.status()).isEqualTo("DONE");
        await().atMost(Duration.ofSeconds(30)).until(() -> failures(table) >= 2);
        assertThat(String.valueOf(feedHealth(table).get("lastError"))).contains("not written");
        // nothing half-written: no outcome without its flag
        assertThat(feedback("1001")).isEmpty();
        assertThat(feedback("1002")).isEmpty();
        assertThat(flag(table, 1001)).isZero();

        grant("UPDATE (sync_flag)", table);
        await().atMost(Duration.ofSeconds(60)).until(() -> flag(table, 1001) == 1);
        assertThat(flag(table, 1002)).isEqualTo(2);
        // the batch was taken again, recognised as the payload already stored, and answered under that payload's id
        assertThat(count("legal_person_record", prefix + 1001)).isEqualTo(1);
        assertThat(library("legal_person_record", prefix + 1001)).containsEntry("version", 1);
        assertThat(feedback("1001")).containsExactly("ACCEPTED:null:" + first.payloadId());
        assertThat(feedback("1002"))
                .singleElement()
                .asString()
                .startsWith("REJECTED:USCC_LENGTH")
                .endsWith(first.payloadId());
        assertThat(jdbc.queryForList(
                        "SELECT status FROM payload WHERE file_name LIKE ? AND payload_id <> ?",
                        String.class,
                        table + "-%",
                        first.payloadId()))
                .isNotEmpty()
                .containsOnly("DUPLICATE");
    }

    // ------------------------------------------------------------------------------------------ crashes

    @Test
    @Order(100)
    void aContextStoppedAbruptlyMidBatchLosesNothingAndStoresNothingTwice() throws Exception {
        String table = exchangeTable("penalty_crash");
        crashMidBatch(table, 10000);
        await().atMost(Duration.ofSeconds(120))
                .until(() -> String.valueOf(10000 + ROWS).equals(watermarkKey(table)));
        assertStoredOnceAndAnswered(10000);
    }

    @Test
    @Order(101)
    void flagModeStoppedAbruptlyMidBatchLosesNothingAndStoresNothingTwice() throws Exception {
        String table = flagTable("penalty_flag_crash");
        crashMidBatch(table, 20000, "mode", "flag");
        await().atMost(Duration.ofSeconds(120))
                .until(() -> frontDb("SELECT COUNT(*) FROM " + table + " WHERE sync_flag = 1") == ROWS);
        assertThat(frontDb("SELECT COUNT(*) FROM " + table + " WHERE sync_flag <> 1"))
                .isZero();
        assertStoredOnceAndAnswered(20000);
    }

    static final int ROWS = 4000;
    static final int FIRST_BATCH = 3000;
    private String crashPrefix;

    /**
     * Writes {@link #ROWS} rows, starts the feed with batches of {@link #FIRST_BATCH}, and stops the whole Camel context
     * while the first payload is being stored (20 records per store batch), giving it 10 ms: Camel then refuses the
     * payload's next step, as a hub killed mid-batch would never take it. Stopping the other routes first takes a while
     * too, and a quick machine stores 1,500 records in well under a second, hence the large first payload. Then the
     * context starts again, as a restarted hub.
     */
    private void crashMidBatch(String table, long firstId, String... parameters) throws Exception {
        crashPrefix = prefix();
        LocalDateTime t0 = now().minusMinutes(10);
        try (Connection c = department()) {
            c.setAutoCommit(false);
            for (int i = 1; i <= ROWS; i++) {
                insert(c, table, firstId + i, t0.plusSeconds(i / 10), penalty(crashPrefix + i, r -> {}));
            }
            c.commit();
        }
        List<String> more = new ArrayList<>(List.of(parameters));
        more.addAll(List.of("batchSize", String.valueOf(FIRST_BATCH)));
        feed(table, more.toArray(String[]::new));
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> countLike(crashPrefix) > 0);
        camel.getShutdownStrategy().setTimeUnit(TimeUnit.MILLISECONDS);
        camel.getShutdownStrategy().setTimeout(10);
        camel.getShutdownStrategy().setShutdownNowOnTimeout(true);
        camel.stop();
        int storedAtStop = countLike(crashPrefix);
        // a stopped context keeps its strategy in "forcing" mode: a restarted hub starts with a fresh one
        camel.setShutdownStrategy(new DefaultShutdownStrategy(camel));
        camel.start();
        assertThat(storedAtStop).as("stored when the context stopped").isBetween(1, FIRST_BATCH - 1);
    }

    private void assertStoredOnceAndAnswered(long firstId) {
        String prefix = crashPrefix;
        assertThat(countLike(prefix)).isEqualTo(ROWS);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(DISTINCT document_number) FROM legal_person_record WHERE document_number LIKE ?",
                        Integer.class,
                        prefix + "%"))
                .isEqualTo(ROWS);
        assertThat(jdbc.queryForObject(
                        "SELECT MAX(version) FROM legal_person_record WHERE document_number LIKE ?",
                        Integer.class,
                        prefix + "%"))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM legal_person_record_history h JOIN legal_person_record r"
                                + " ON r.record_id = h.record_id WHERE r.document_number LIKE ?",
                        Integer.class,
                        prefix + "%"))
                .isZero();
        // every row has its outcome in the department's feedback table
        await().atMost(Duration.ofSeconds(20))
                .until(() -> frontDb(
                                "SELECT COUNT(DISTINCT source_key) FROM huiju_feedback WHERE CHAR_LENGTH(source_key) = 5"
                                        + " AND source_key BETWEEN ? AND ?",
                                String.valueOf(firstId + 1),
                                String.valueOf(firstId + ROWS))
                        == ROWS);
    }

    // ------------------------------------------------------------------------------------------- helpers

    /** The exchange table of the integration guide, plus the status column of flag mode (ignored by the mapping). */
    String columns() {
        return "id BIGINT NOT NULL PRIMARY KEY, update_time " + timestampType() + " NOT NULL,"
                + " sync_flag SMALLINT DEFAULT 0 NOT NULL,"
                + " CF_XDR_MC VARCHAR(1000), CF_XDR_LB VARCHAR(50), CF_XDR_SHXYM VARCHAR(64), CF_FRDB VARCHAR(50),"
                + " CF_WSH VARCHAR(128), CF_WFXW VARCHAR(200), CF_SY VARCHAR(2000), CF_YJ VARCHAR(500),"
                + " CF_CFLB VARCHAR(50), CF_NR VARCHAR(500), CF_NR_FK DECIMAL(18,6), CF_JDRQ DATE, CF_GSJZQ DATE,"
                + " CF_CFJG VARCHAR(200), CF_CFJGDM VARCHAR(18)";
    }

    /** A timestamp-mode table: the hub only reads it. */
    private String exchangeTable(String table) {
        admin("CREATE TABLE " + table + " (" + columns() + ")");
        admin("CREATE INDEX " + table + "_poll ON " + table + " (update_time, id)");
        grant("SELECT", table);
        return table;
    }

    /** A flag-mode table: the hub reads it and may set the status column, nothing else. */
    private String flagTable(String table) {
        admin("CREATE TABLE " + table + " (" + columns() + ")");
        admin("CREATE INDEX " + table + "_flag ON " + table + " (sync_flag, id)");
        grant("SELECT, UPDATE (sync_flag)", table);
        return table;
    }

    /** The feed, as an integration engineer adds it: one route file, the password by reference. */
    private void feed(String table, String... more) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("department", "scjg");
        parameters.put("mapping", "national-penalty");
        parameters.put("url", feedUrl(port()));
        parameters.put("username", login());
        parameters.put("password", "{{huiju.test.frontdb-password}}");
        parameters.put("table", table);
        parameters.put("lookBackSeconds", "600");
        parameters.put("delay", "500");
        for (int i = 0; i < more.length; i += 2) {
            parameters.put(more[i], more[i + 1]);
        }
        StringBuilder yaml = new StringBuilder(
                """
                - templatedRoute:
                    routeTemplateRef: frontdb-poll
                    routeId: frontdb-scjg-%s
                    parameters:
                """
                        .formatted(table));
        parameters.forEach((name, value) -> yaml.append("      - name: ")
                .append(name)
                .append("\n        value: \"")
                .append(value)
                .append("\"\n"));
        try {
            java.nio.file.Files.writeString(
                    home.resolve("routes/departments/frontdb-" + table + ".camel.yaml"), yaml.toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, Object> penalty(String documentNumber, Consumer<Map<String, Object>> change) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("CF_XDR_MC", "龙岩市新罗区恒达贸易有限公司");
        row.put("CF_XDR_LB", "法人及非法人组织");
        row.put("CF_XDR_SHXYM", PenaltyFile.COMPANY_CODE);
        row.put("CF_FRDB", "王建国");
        row.put("CF_WSH", documentNumber);
        row.put("CF_WFXW", "销售不合格产品");
        row.put("CF_SY", "销售不合格电线，货值2000元");
        row.put("CF_YJ", "《中华人民共和国产品质量法》第四十九条");
        row.put("CF_CFLB", "罚款");
        row.put("CF_NR", "罚款2000元");
        row.put("CF_NR_FK", new java.math.BigDecimal("0.2"));
        row.put("CF_JDRQ", java.sql.Date.valueOf("2024-03-05"));
        row.put("CF_GSJZQ", java.sql.Date.valueOf("2025-03-05"));
        row.put("CF_CFJG", PenaltyFile.AUTHORITY);
        row.put("CF_CFJGDM", PenaltyFile.AUTHORITY_CODE);
        change.accept(row);
        return row;
    }

    private void insert(String table, long id, LocalDateTime at, Map<String, Object> row) {
        try (Connection c = department()) {
            insert(c, table, id, at, row);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void insert(Connection c, String table, long id, LocalDateTime at, Map<String, Object> row)
            throws SQLException {
        List<String> names = new ArrayList<>(List.of("id", "update_time"));
        names.addAll(row.keySet());
        String sql = "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES ("
                + String.join(", ", names.stream().map(n -> "?").toList()) + ")";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            ps.setTimestamp(2, Timestamp.valueOf(at));
            int i = 3;
            for (Object value : row.values()) {
                if (value == null) {
                    ps.setNull(i++, java.sql.Types.VARCHAR);
                } else {
                    ps.setObject(i++, value);
                }
            }
            ps.executeUpdate();
        }
    }

    private void update(String table, long id, LocalDateTime at, String column, Object value) {
        try (Connection c = department();
                PreparedStatement ps = c.prepareStatement(
                        "UPDATE " + table + " SET update_time = ?, " + column + " = ? WHERE id = ?")) {
            ps.setTimestamp(1, Timestamp.valueOf(at));
            ps.setObject(2, value);
            ps.setLong(3, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The newest finished payload of this feed received since then. */
    private Receipt awaitPayload(String table, long since) {
        String id = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> jdbc
                                .queryForList(
                                        "SELECT payload_id FROM payload WHERE channel = 'FRONTDB' AND file_name LIKE ?"
                                                + " AND status <> 'RECEIVED' AND received_at >= ?"
                                                + " ORDER BY received_at DESC",
                                        String.class,
                                        table + "-%",
                                        new Timestamp(since))
                                .stream()
                                .findFirst()
                                .orElse(null),
                        Objects::nonNull);
        return payloads.find(id).orElseThrow();
    }

    private int payloadsOf(String table) {
        // "<table>-<14 digits>-…": not the payloads of a table whose name starts with this one
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM payload WHERE channel = 'FRONTDB' AND file_name LIKE ?",
                Integer.class,
                table + "-______________-%");
    }

    private String watermarkKey(String table) {
        return jdbc
                .queryForList("SELECT last_key FROM frontdb_watermark WHERE feed = ?", String.class, "scjg/" + table)
                .stream()
                .findFirst()
                .orElse(null);
    }

    private int countLike(String prefix) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM legal_person_record WHERE document_number LIKE ?", Integer.class, prefix + "%");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> feedHealth(String table) {
        HealthIndicator indicator = (HealthIndicator) health.getContributor("frontDb");
        Object detail = indicator.health().getDetails().get("scjg/" + table);
        return detail == null ? Map.of() : (Map<String, Object>) detail;
    }

    private int failures(String table) {
        Object n = feedHealth(table).get("failures");
        return n == null ? 0 : (Integer) n;
    }

    private long rowsWithoutKey(String table) {
        Object n = feedHealth(table).get("rowsWithoutKey");
        return n == null ? -1 : ((Number) n).longValue();
    }

    private long flag(String table, long id) {
        return frontDb("SELECT sync_flag FROM " + table + " WHERE id = " + id);
    }

    private void awaitFeedback(String key) {
        await().atMost(Duration.ofSeconds(20)).until(() -> !feedback(key).isEmpty());
    }

    /** The department's view: status:code:payload of each outcome the hub wrote back for this row. */
    private List<String> feedback(String key) {
        List<String> out = new ArrayList<>();
        try (Connection c = department();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT status, code, payload_id FROM huiju_feedback WHERE source_key = ? ORDER BY created_at, payload_id")) {
            ps.setString(1, key);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + ":" + rs.getString(2) + ":" + rs.getString(3));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private long frontDb(String sql, String... args) {
        try (Connection c = department();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void admin(String sql) {
        try (Connection c = department();
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The feedback table as the department creates it (docs/INTEGRATION.md); the hub may only read and add rows. */
    static String feedbackTableDdl(String createdAtType) {
        return "CREATE TABLE huiju_feedback (source_key VARCHAR(500) NOT NULL, payload_id VARCHAR(64) NOT NULL,"
                + " status VARCHAR(16) NOT NULL, code VARCHAR(200), reason VARCHAR(2000),"
                + " created_at " + createdAtType + " NOT NULL DEFAULT CURRENT_TIMESTAMP)";
    }

    private static String prefix() {
        return "岩市监罚〔2024〕" + UUID.randomUUID().toString().substring(0, 6) + "-";
    }

    private static LocalDateTime now() {
        return LocalDateTime.now().truncatedTo(ChronoUnit.MICROS);
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
