package io.huiju.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IsoDateTest {

    @Test
    void readsARealDay() {
        assertThat(IsoDate.parse("2024-03-05")).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(IsoDate.parse("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void refusesDaysThatDoNotExist() {
        assertThat(IsoDate.parse("2023-02-29")).isNull();
        assertThat(IsoDate.parse("2024-13-45")).isNull();
        assertThat(IsoDate.parse("2024-00-10")).isNull();
    }

    @Test
    void refusesOtherShapes() {
        assertThat(IsoDate.parse("2024/03/05")).isNull();
        assertThat(IsoDate.parse("2024-3-5")).isNull();
        assertThat(IsoDate.parse("2024-03-0a")).isNull();
        assertThat(IsoDate.parse("+024-03-05")).isNull();
        assertThat(IsoDate.parse("")).isNull();
        assertThat(IsoDate.parse(null)).isNull();
    }
}
