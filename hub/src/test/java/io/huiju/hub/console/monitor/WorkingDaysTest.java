package io.huiju.hub.console.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    // Friday 2026-11-06: seven working days later is Tuesday 2026-11-17 (two weekends skipped)
    static final LocalDate FRIDAY = LocalDate.of(2026, 11, 6);

    @Test
    void sevenWorkingDaysSkipWeekends() {
        assertThat(WorkingDays.plus(FRIDAY, 7)).isEqualTo(LocalDate.of(2026, 11, 17));
        assertThat(WorkingDays.plus(LocalDate.of(2026, 11, 2), 7))
                .as("from a Monday")
                .isEqualTo(LocalDate.of(2026, 11, 11));
    }

    @Test
    void theLastWorkingDayIsStillOnTimeAndTheNextIsNot() {
        assertThat(WorkingDays.within(FRIDAY, LocalDate.of(2026, 11, 17), 7)).isTrue();
        assertThat(WorkingDays.within(FRIDAY, LocalDate.of(2026, 11, 18), 7)).isFalse();
        assertThat(WorkingDays.within(FRIDAY, FRIDAY, 7)).as("the same day").isTrue();
    }
}
