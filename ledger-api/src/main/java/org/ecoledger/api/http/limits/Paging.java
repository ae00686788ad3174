package org.ecoledger.api.http.limits;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * One page of a listing: {@code page} (from 0) and {@code size} (at most {@link RequestLimits#MAX_PAGE_SIZE}); the
 * answer is the page's rows as a JSON array, with {@code X-Total-Count} and, when there are more, a
 * {@code Link: <…>; rel="next"} header.
 */
public final class Paging {

    /** The header with the number of rows of the whole listing. */
    public static final String TOTAL_COUNT = "X-Total-Count";

    private Paging() {
    }

    public static <T> ResponseEntity<List<T>> page(List<T> rows, int page, int size) {
        RequestLimits.page(page);
        RequestLimits.pageSize(size);
        long from = (long) page * size;
        List<T> slice = from >= rows.size() ? List.of()
                : rows.subList((int) from, (int) Math.min(rows.size(), from + size));
        HttpHeaders headers = new HttpHeaders();
        headers.add(TOTAL_COUNT, Integer.toString(rows.size()));
        if (from + size < rows.size()) {
            String next = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page + 1)
                                                     .replaceQueryParam("size", size).build().toUriString();
            headers.add(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return ResponseEntity.ok().headers(headers).body(slice);
    }
}
