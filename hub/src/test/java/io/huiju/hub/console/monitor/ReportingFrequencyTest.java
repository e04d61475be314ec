package io.huiju.hub.console.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Period;
import org.junit.jupiter.api.Test;

class ReportingFrequencyTest {

    @Test
    void namesAndIsoPeriodsAreAccepted() {
        assertThat(ReportingFrequency.of("scjg", "daily").period()).isEqualTo(Period.ofDays(1));
        assertThat(ReportingFrequency.of("scjg", "MONTHLY").period()).isEqualTo(Period.ofMonths(1));
        assertThat(ReportingFrequency.of("zf", "P7D").period()).isEqualTo(Period.ofDays(7));
        assertThat(ReportingFrequency.of("zf", null).configured())
                .as("the default")
                .isEqualTo("WEEKLY");
    }

    @Test
    void anythingElseStopsTheHubNamingTheDepartment() {
        assertThat(assertThrows(IllegalStateException.class, () -> ReportingFrequency.of("zf", "fortnightly"))
                        .getMessage())
                .isEqualTo("huiju.departments[zf].frequency 'fortnightly' is neither DAILY, WEEKLY, MONTHLY, QUARTERLY"
                        + " nor a positive ISO-8601 period such as P1D, P7D, P1M");
        assertThrows(IllegalStateException.class, () -> ReportingFrequency.of("zf", "P0D"));
    }
}
