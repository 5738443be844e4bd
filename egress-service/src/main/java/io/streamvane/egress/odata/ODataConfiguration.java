package io.streamvane.egress.odata;

import io.streamvane.egress.intervals.QueueIntervals;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataHttpHandler;
import org.apache.olingo.server.api.ServiceMetadata;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Registers the Olingo servlet at {@code /odata/*}; the security filter chain guards it like any other path. */
@Configuration(proxyBeanMethods = false)
class ODataConfiguration {

    @Bean
    ServletRegistrationBean<HttpServlet> odataServlet(JdbcClient jdbc, JdbcTemplate jdbcTemplate,
            QueueIntervals intervals, ODataProperties properties) {
        StreamvaneEdm edm = new StreamvaneEdm();
        HttpServlet servlet = new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) {
                // Olingo's handler is not thread-safe: one per request, over a shared immutable model.
                OData odata = OData.newInstance();
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
}
