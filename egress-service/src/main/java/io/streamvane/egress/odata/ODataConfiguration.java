package io.streamvane.egress.odata;

import io.streamvane.egress.intervals.QueueIntervals;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.olingo.commons.api.format.ContentType;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataHttpHandler;
import org.apache.olingo.server.api.ODataServerError;
import org.apache.olingo.server.api.ServiceMetadata;
import org.apache.olingo.server.api.serializer.SerializerException;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Registers the Olingo servlet at {@code /odata/*}; the security filter chain guards it like any other path. A query
 * string outside {@link QueryBounds} is answered 400 before Olingo's parser sees it.
 */
@Configuration(proxyBeanMethods = false)
class ODataConfiguration {

    @Bean
    ServletRegistrationBean<HttpServlet> odataServlet(JdbcClient jdbc, JdbcTemplate jdbcTemplate,
            QueueIntervals intervals, ODataProperties properties) {
        StreamvaneEdm edm = new StreamvaneEdm();
        HttpServlet servlet = new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response)
                    throws ServletException, IOException {
                // Olingo's handler is not thread-safe: one per request, over a shared immutable model.
                OData odata = OData.newInstance();
                Optional<String> refused = QueryBounds.refusal(request.getQueryString());
                if (refused.isPresent()) {
                    badRequest(odata, response, refused.get());
                    return;
                }
                ServiceMetadata metadata = odata.createServiceMetadata(edm, List.of());
                ODataHttpHandler handler = odata.createHandler(metadata);
                handler.register(new IntervalCollectionProcessor(jdbc, jdbcTemplate, intervals, edm,
                        properties.maxPageSize()));
                handler.register(new ODataErrorProcessor());
                handler.process(request, response);
            }
        };
        ServletRegistrationBean<HttpServlet> registration = new ServletRegistrationBean<>(servlet, "/odata/*");
        registration.setName("odata");
        registration.setLoadOnStartup(1);
        return registration;
    }

    /** A 400 in Olingo's JSON error format, for a request refused before Olingo parses it. */
    private static void badRequest(OData odata, HttpServletResponse response, String message)
            throws ServletException, IOException {
        ODataServerError error = new ODataServerError().setStatusCode(HttpStatusCode.BAD_REQUEST.getStatusCode())
                .setLocale(Locale.ROOT).setMessage(message);
        try (InputStream body = odata.createSerializer(ContentType.JSON).error(error).getContent()) {
            response.setStatus(error.getStatusCode());
            response.setContentType(ContentType.JSON.toContentTypeString());
            body.transferTo(response.getOutputStream());
        } catch (SerializerException e) {
            throw new ServletException(e);
        }
    }
}
