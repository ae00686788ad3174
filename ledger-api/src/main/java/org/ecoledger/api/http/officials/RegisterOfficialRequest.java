package org.ecoledger.api.http.officials;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code POST /api/v1/officials}.
 *
 * @param officialId     the official's id, kept for life (no '/', at most 128 characters)
 * @param name           the official's name
 * @param occurredOn     the date the record opens; default today in the ledger's zone
 * @param sourceDocument the document number (文号), optional
 */
public record RegisterOfficialRequest(
        @Schema(example = "official-0001", requiredMode = Schema.RequiredMode.REQUIRED) String officialId,
        @Schema(example = "张三", requiredMode = Schema.RequiredMode.REQUIRED) String name,
        @Schema(example = "2017-12-01") LocalDate occurredOn,
        String sourceDocument) {
}
