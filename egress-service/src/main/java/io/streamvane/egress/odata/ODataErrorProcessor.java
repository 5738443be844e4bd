package io.streamvane.egress.odata;

import java.util.UUID;
import org.apache.olingo.commons.api.format.ContentType;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataApplicationException;
import org.apache.olingo.server.api.ODataLibraryException;
import org.apache.olingo.server.api.ODataRequest;
import org.apache.olingo.server.api.ODataResponse;
import org.apache.olingo.server.api.ODataServerError;
import org.apache.olingo.server.api.ServiceMetadata;
import org.apache.olingo.server.api.processor.DefaultProcessor;
import org.apache.olingo.server.api.processor.ErrorProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.QueryTimeoutException;

/**
 * Writes every OData error response, in Olingo's usual format. An answer chosen on purpose (an OData exception with
 * any status but 500: a 400 for a bad query, a 501 for an unsupported feature) keeps its message. Anything else is
 * a server fault: Olingo would put the exception's message in the body, for a JDBC failure the whole SQL text, so
 * the detail goes to the log under a reference and the client gets only that reference. A statement cancelled by
 * the statement timeout is a 503 naming it, logged in one line.
 */
final class ODataErrorProcessor implements ErrorProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(ODataErrorProcessor.class);

    private final DefaultProcessor writer = new DefaultProcessor();

    @Override
    public void init(OData odata, ServiceMetadata metadata) {
        writer.init(odata, metadata);
    }

    @Override
    public void processError(ODataRequest request, ODataResponse response, ODataServerError error,
            ContentType format) {
        writer.processError(request, response, deliberate(error) ? error
                : timedOut(error) ? unavailable(request, error) : opaque(request, error), format);
    }

    private static boolean timedOut(ODataServerError error) {
        return error.getException() instanceof QueryTimeoutException;
    }

    private static ODataServerError unavailable(ODataRequest request, ODataServerError error) {
        LOG.warn("OData {} {} ran longer than streamvane.egress.query.statement-timeout", request.getMethod(),
                request.getRawODataPath());
        return new ODataServerError().setStatusCode(HttpStatusCode.SERVICE_UNAVAILABLE.getStatusCode())
                .setLocale(error.getLocale())
                .setMessage("query-timeout: the query ran longer than streamvane.egress.query.statement-timeout;"
                        + " narrow it or try again later");
    }

    private static boolean deliberate(ODataServerError error) {
        Exception e = error.getException();
        return error.getStatusCode() != HttpStatusCode.INTERNAL_SERVER_ERROR.getStatusCode()
                && (e instanceof ODataApplicationException || e instanceof ODataLibraryException);
    }

    private static ODataServerError opaque(ODataRequest request, ODataServerError error) {
        String reference = UUID.randomUUID().toString();
        String query = request.getRawQueryPath() == null ? "" : "?" + request.getRawQueryPath();
        LOG.error("OData {} {}{} answered {} (reference {})", request.getMethod(), request.getRawODataPath(), query,
                error.getStatusCode(), reference, error.getException());
        return new ODataServerError().setStatusCode(error.getStatusCode()).setLocale(error.getLocale())
                .setMessage("internal error (reference " + reference + ")");
    }
}
