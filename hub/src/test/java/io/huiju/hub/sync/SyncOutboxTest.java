package io.huiju.hub.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.huiju.model.Category;
import io.huiju.model.Channel;
import io.huiju.model.CreditRecord;
import io.huiju.model.Decision;
import io.huiju.model.Provenance;
import io.huiju.model.Subject;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Where a stored version travels: the rule that keeps a record from looping, without a database. */
class SyncOutboxTest {

    @Test
    void aCityReportsEveryVersionUpExceptWhatTheProvinceReturned() {
        SyncOutbox city = outbox(SyncProperties.Role.CITY, "350800");

        assertThat(city.destination(record("91350802MA2XY3K1XH", "350800", Channel.FILE)))
                .isEqualTo("huiju.sync.up");
        assertThat(city.destination(record("91350100MA2XY3K1XH", "350800", Channel.SOAP)))
                .isEqualTo("huiju.sync.up");
        assertThat(city.destination(record("91350802MA2XY3K1XH", "350000", Channel.PROVINCE)))
                .isNull();
    }

    @Test
    void theProvinceReturnsARecordToTheCityOfItsSubjectUnlessItCameFromThere() {
        SyncOutbox province = outbox(SyncProperties.Role.PROVINCE, "350000");

        // a provincial department's decision about a 龙岩 company
        assertThat(province.destination(record("91350802MA2XY3K1XH", "350000", Channel.FILE)))
                .isEqualTo("huiju.sync.down.350800");
        // 福州 reported a 龙岩 company
        assertThat(province.destination(record("91350802MA2XY3K1XH", "350100", Channel.FILE)))
                .isEqualTo("huiju.sync.down.350800");
        // 龙岩 (a district department, 350802) reported its own company: it has it already
        assertThat(province.destination(record("91350802MA2XY3K1XH", "350802", Channel.FILE)))
                .isNull();
        // not a city of this province
        assertThat(province.destination(record("91440300MA5XY3K1XH", "350000", Channel.FILE)))
                .isNull();
    }

    @Test
    void aFailedLookIsRememberedWithItsRootCauseAndWhenTheFailuresBegan() {
        SyncOutbox city = outbox(SyncProperties.Role.CITY, "350800");
        assertThat(city.lastFailure()).isNull();

        city.failed(new IllegalStateException(
                "Multicast processing failed",
                new RuntimeException("AMQ229031: Unable to validate user. Username: huiju-hub")));
        SyncOutbox.Failure first = city.lastFailure();
        assertThat(first.cause())
                .contains("Multicast processing failed")
                .contains("AMQ229031: Unable to validate user. Username: huiju-hub");

        city.failed(new IllegalStateException("AMQ219010: Connection is destroyed"));
        assertThat(city.lastFailure().cause()).isEqualTo("AMQ219010: Connection is destroyed");
        assertThat(city.lastFailure().since()).isEqualTo(first.since());
    }

    static SyncOutbox outbox(SyncProperties.Role role, String region) {
        SyncProperties sync = new SyncProperties();
        sync.setRole(role);
        sync.setRegionCode(region);
        sync.setCities(CityOfSubjectTest.FUJIAN);
        return new SyncOutbox(null, sync);
    }

    static CreditRecord record(String uscc, String region, Channel channel) {
        Subject subject = CityOfSubjectTest.company(uscc, null);
        Decision decision = new Decision(
                "行政处罚决定书",
                "闽市监罚〔2024〕1号",
                LocalDate.of(2024, 3, 5),
                null,
                null,
                "警告",
                "福建省市场监督管理局",
                "11350000MB0281236E",
                null,
                null,
                null,
                null);
        return CreditRecord.of(
                Category.PENALTY,
                subject,
                decision,
                null,
                new Provenance("scjg", region, channel, "P-1", 1, Instant.parse("2024-03-06T00:00:00Z")));
    }
}
