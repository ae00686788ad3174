package org.ecoledger.api.imports;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The formats an import file may have, known by the file name's extension. */
public enum ImportFormat {
    CSV("text/csv; charset=UTF-8", List.of("csv")),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", List.of("xlsx")),
    NDJSON("application/x-ndjson", List.of("ndjson", "jsonl"));

    private final String mediaType;
    private final List<String> extensions;

    ImportFormat(String mediaType, List<String> extensions) {
        this.mediaType = mediaType;
        this.extensions = extensions;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The usual extension, without the dot. */
    public String extension() {
        return extensions.get(0);
    }

    /** The format of a file named {@code fileName}, by its extension. */
    public static Optional<ImportFormat> ofFileName(String fileName) {
        if (fileName == null || fileName.lastIndexOf('.') < 0) {
            return Optional.empty();
        }
        String extension = fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(format -> format.extensions.contains(extension)).findFirst();
    }

    /** The format named {@code name} ({@code csv}, {@code xlsx}, {@code ndjson}), case-insensitively. */
    public static Optional<ImportFormat> named(String name) {
        return Arrays.stream(values()).filter(format -> format.name().equalsIgnoreCase(name)).findFirst();
    }
}
