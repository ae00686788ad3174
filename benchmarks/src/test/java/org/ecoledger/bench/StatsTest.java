package org.ecoledger.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatsTest {

    @Test
    void nearestRankPercentiles() {
        List<Double> values = List.of(5.0, 1.0, 4.0, 2.0, 3.0);
        assertThat(Stats.median(values)).isEqualTo(3.0);
        assertThat(Stats.percentile(values, 99)).isEqualTo(5.0);
        assertThat(Stats.percentile(values, 20)).isEqualTo(1.0);
        assertThat(Stats.min(values)).isEqualTo(1.0);
        assertThat(Stats.max(values)).isEqualTo(5.0);
        assertThatThrownBy(() -> Stats.median(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPlotOnLogAxes_drawsOneSeriesPerName_andSkipsNonPositivePoints() {
        String svg = new SvgPlot("t", "x", "y").add("ours", 10_000, 1_200).add("ours", 100_000, 1_100)
                                               .add("peer", 10_000, 50).add("peer", 100_000, 0).render();
        assertThat(svg).startsWith("<svg").contains("ours").contains("peer").contains("10k").contains("100k");
        assertThat(svg.split("<circle", -1)).hasSize(4);
    }
}
