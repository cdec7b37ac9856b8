package dev.ticketingwarrior.edge.servlet;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * A chunked body's trailer fields bounded by their size only, as the WebFlux services bound them. Tomcat (11.0.22)
 * sets a request's limit of trailer fields to 8 each time it recycles the request, and fails the 9th with an
 * {@code IllegalStateException} rather than a refusal: a 500 where the application read the body, an ERROR "Error
 * finishing request" where Tomcat read the rest itself, for any caller. Lifting that count limit on every request
 * leaves the one Tomcat applies properly: {@code maxTrailerSize} (8 KB, a 400 past it). An HTTP/1.1 count limit of
 * Tomcat's own ({@code maxTrailerCount}) would make this unnecessary.
 */
final class TrailerFieldsLimit implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addEngineValves(new NoTrailerCount());
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Lifts the count limit before the application (or Tomcat, after it) reads the body. */
    static final class NoTrailerCount extends ValveBase {

        NoTrailerCount() {
            super(true);
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            request.getCoyoteRequest().getMimeTrailerFields().setLimit(-1);
            getNext().invoke(request, response);
        }
    }
}
