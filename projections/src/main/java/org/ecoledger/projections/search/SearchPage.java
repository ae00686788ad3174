package org.ecoledger.projections.search;

import java.util.List;

/**
 * 分页结果 (one page of search results): {@code page} counts from 0; {@code total} is the number of matches.
 */
public record SearchPage<T>(List<T> items, int page, int pageSize, long total) {

    public SearchPage {
        items = List.copyOf(items);
    }
}
