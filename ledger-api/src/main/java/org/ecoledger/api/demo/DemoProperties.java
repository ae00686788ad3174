package org.ecoledger.api.demo;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The demo city's size, {@code ledger.demo.*} (environment: {@code LEDGER_DEMO_COUNTIES} and so on). Whether it is
 * loaded at all is {@code ledger.demo-data} ({@code LEDGER_DEMO_DATA}, {@link org.ecoledger.api.LedgerProperties}).
 *
 * @param counties            counties and districts
 * @param townshipsPerCounty  townships in each county
 * @param villagesPerTownship villages in each township
 * @param seed                the seed the city is drawn from
 * @param writers             how many records are written at once while loading
 */
@Validated
@ConfigurationProperties("ledger.demo")
public record DemoProperties(
        @DefaultValue("6") @Min(1) @Max(DemoCitySize.MAX_COUNTIES) int counties,
        @DefaultValue("10") @Min(DemoCitySize.MIN_TOWNSHIPS) @Max(DemoCitySize.MAX_TOWNSHIPS) int townshipsPerCounty,
        @DefaultValue("10") @Min(1) @Max(DemoCitySize.MAX_VILLAGES) int villagesPerTownship,
        @DefaultValue("2018") long seed,
        @DefaultValue("2") @Min(1) @Max(16) int writers) {

    public DemoCitySize size() {
        return new DemoCitySize(counties, townshipsPerCounty, villagesPerTownship, seed);
    }
}
