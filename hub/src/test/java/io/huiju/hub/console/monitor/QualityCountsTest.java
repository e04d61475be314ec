package io.huiju.hub.console.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QualityCountsTest {

    @Test
    void eachRateIsItsShare() {
        QualityCounts q = new QualityCounts();
        q.received = 10;
        q.rejected = 4;
        q.missingValues = 1;
        q.conflicts = 3;
        q.dated = 5;
        q.onTime = 4;

        assertThat(q.rates()).isEqualTo(new QualityCounts.Rates(0.9, 0.6, 0.8, 0.5));
    }

    @Test
    void nothingToMeasureIsNoRateNotZeroOrAHundred() {
        assertThat(new QualityCounts().rates()).isEqualTo(new QualityCounts.Rates(null, null, null, null));
    }
}
