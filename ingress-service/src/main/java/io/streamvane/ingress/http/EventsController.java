package io.streamvane.ingress.http;

import io.streamvane.ingress.config.IngressProperties;
import io.streamvane.ingress.pipeline.EventIngestion;
import io.streamvane.ingress.pipeline.IngestionResult;
import io.streamvane.ingress.pipeline.Transport;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/events} (SPEC §3.1): one envelope or a batch in, 202 with per-item outcome out, sent only
 * after the accepted events are committed. Errors are problem+json ({@link EventsProblems}).
 */
@RestController
class EventsController {

    static final String PATH = "/api/v1/events";
    static final List<MediaType> ACCEPTED_TYPES = List.of(
            MediaType.APPLICATION_JSON,
            MediaType.parseMediaType("application/cloudevents+json"),
            MediaType.parseMediaType("application/cloudevents-batch+json"));

    /** The 202 body: SPEC fields {@code accepted}, {@code duplicates}, {@code rejected}, plus counts for tracing. */
    record Accepted(int accepted, int duplicates, List<Rejected> rejected, int controlFrames, int late) {
    }

    record Rejected(int index, String reason, String detail) {
    }

    private final EventIngestion ingestion;
    private final long maxBodyBytes;

    EventsController(EventIngestion ingestion, IngressProperties properties) {
        this.ingestion = ingestion;
        this.maxBodyBytes = properties.maxBodySize().toBytes();
    }

    @PostMapping(path = PATH)
    ResponseEntity<Accepted> ingest(HttpServletRequest request) throws IOException {
        requireJson(request.getContentType());
        byte[] body = BoundedBody.read(request.getInputStream(), request.getContentLengthLong(), maxBodyBytes);
        IngestionResult result = ingestion.ingest(body, Transport.HTTP);
        if (result instanceof IngestionResult.Unreadable unreadable) {
            throw new UnreadableBodyException(unreadable.reason(), unreadable.detail());
        }
        IngestionResult.Ingested ingested = (IngestionResult.Ingested) result;
        List<Rejected> rejected = ingested.rejected().stream()
                .map(item -> new Rejected(item.index(), item.reason(), item.detail()))
                .toList();
        return ResponseEntity.status(HttpStatus.ACCEPTED).contentType(MediaType.APPLICATION_JSON).body(
                new Accepted(ingested.accepted(), ingested.duplicates(), rejected, ingested.controlFrames(),
                        ingested.late()));
    }

    private static void requireJson(String contentType) {
        if (contentType == null) {
            throw new UnsupportedContentTypeException(null);
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            throw new UnsupportedContentTypeException(contentType);
        }
        if (ACCEPTED_TYPES.stream().noneMatch(accepted -> accepted.equalsTypeAndSubtype(type))) {
            throw new UnsupportedContentTypeException(contentType);
        }
    }

    static final class UnsupportedContentTypeException extends RuntimeException {
        UnsupportedContentTypeException(String contentType) {
            super(contentType == null ? "no Content-Type" : "Content-Type " + contentType + " is not accepted");
        }
    }

    static final class UnreadableBodyException extends RuntimeException {
        final String reason;

        UnreadableBodyException(String reason, String detail) {
            super(detail);
            this.reason = reason;
        }
    }
}
