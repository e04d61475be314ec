package io.huiju.hub.frontdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** The parameters of a {@code frontdb-poll} instance, as the template passes them: checked before any SQL is made. */
class FrontDbFeedTest {

    @Test
    void theTemplateDefaultsMakeATimestampFeedWithFlagValuesZeroOneTwo() {
        FrontDbFeed feed = FrontDbFeed.of(exchange(Map.of()));

        assertThat(feed.mode()).isEqualTo(FrontDbFeed.Mode.TIMESTAMP);
        assertThat(feed.flag()).isEqualTo(new FrontDbFeed.Flag("sync_flag", "0", "1", "2"));
        assertThat(feed.keyColumns()).containsExactly("id");
        assertThat(feed.queryTimeout().toSeconds()).isEqualTo(60);
    }

    @Test
    void flagModeIsChosenWhateverTheCaseAndKeepsItsValues() {
        FrontDbFeed feed = FrontDbFeed.of(exchange(
                Map.of("mode", "FLAG", "flagColumn", "sjzt", "flagRejected", "9", "keyColumns", "org_code, seq")));

        assertThat(feed.mode()).isEqualTo(FrontDbFeed.Mode.FLAG);
        assertThat(feed.flag()).isEqualTo(new FrontDbFeed.Flag("sjzt", "0", "1", "9"));
        assertThat(feed.keyColumns()).containsExactly("org_code", "seq");
    }

    @Test
    void anUnknownModeIsRefusedWithTheTwoThatExist() {
        assertThatThrownBy(() -> FrontDbFeed.of(exchange(Map.of("mode", "cdc"))))
                .hasMessage("frontdb-poll: mode must be timestamp or flag, not “cdc”");
    }

    @Test
    void aFlagValueThatCouldEndTheSqlLiteralIsRefused() {
        assertThatThrownBy(() -> FrontDbFeed.of(exchange(Map.of("flagTaken", "1' OR '1"))))
                .hasMessage("frontdb-poll: flag value “1' OR '1” must be letters, digits or _ (at most 32)");
    }

    @Test
    void theHubCannotMarkRowsWithTheValueThatMeansNew() {
        assertThatThrownBy(() -> FrontDbFeed.of(exchange(Map.of("flagRejected", "0"))))
                .hasMessage("frontdb-poll: flagTaken and flagRejected must differ from flagNew (0)");
    }

    @Test
    void aColumnNameThatIsNotPlainIsRefused() {
        assertThatThrownBy(() -> FrontDbFeed.of(exchange(Map.of("flagColumn", "sync_flag; DROP TABLE x"))))
                .hasMessage("frontdb-poll: “sync_flag; DROP TABLE x” is not a plain table or column name");
    }

    @Test
    void thePasswordNeverShowsInTheFeedsName() {
        assertThat(FrontDbFeed.of(exchange(Map.of())).toString()).doesNotContain("s3cret");
    }

    /** The exchange properties the template sets, with its defaults, then the given ones. */
    private static Exchange exchange(Map<String, String> given) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        Map<String, String> defaults = Map.ofEntries(
                Map.entry("department", "scjg"),
                Map.entry("url", "jdbc:mariadb://127.0.0.1:3306/scjg_qzk"),
                Map.entry("username", "huiju"),
                Map.entry("password", "s3cret"),
                Map.entry("table", "xzcf_exchange"),
                Map.entry("mode", "timestamp"),
                Map.entry("timestampColumn", "update_time"),
                Map.entry("flagColumn", "sync_flag"),
                Map.entry("flagNew", "0"),
                Map.entry("flagTaken", "1"),
                Map.entry("flagRejected", "2"),
                Map.entry("keyColumns", "id"),
                Map.entry("batchSize", "500"),
                Map.entry("lookBackSeconds", "600"),
                Map.entry("delay", "30000"),
                Map.entry("queryTimeoutSeconds", "60"),
                Map.entry("feedbackTable", "huiju_feedback"),
                Map.entry("createFeedbackTable", "false"));
        defaults.forEach((name, value) -> exchange.setProperty(FrontDbFeed.PREFIX + name, value));
        given.forEach((name, value) -> exchange.setProperty(FrontDbFeed.PREFIX + name, value));
        return exchange;
    }
}
