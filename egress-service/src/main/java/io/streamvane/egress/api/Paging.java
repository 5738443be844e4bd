package io.streamvane.egress.api;

import java.time.Instant;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Answers a page of interval rows: the body stays a plain JSON array (SPEC §3.1 rows); the next page, if any, is an
 * RFC 8288 {@code Link: <...>; rel="next"} header: the same request with {@code from} moved to the next bucket.
 */
final class Paging {

    private Paging() {
    }

    static <T> ResponseEntity<T> respond(WebRequest request, T rows, Instant nextFrom) {
        String next = nextFrom == null ? null
                : ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("from", nextFrom.toString())
                        .build().toUriString();
        String etag = Etags.of(rows + "|" + next);
        if (request.checkNotModified(etag)) {
            return null;
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().eTag(etag);
        if (next != null) {
            response.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return response.body(rows);
    }
}
