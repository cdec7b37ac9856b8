package dev.ticketingwarrior.edge.servlet;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * The body-size limit on form bodies too. Tomcat reads a form body ({@code application/x-www-form-urlencoded}) itself
 * when a parameter is first asked for, from its own stream, past {@link BodySizeLimitFilter}'s; a chunked one has no
 * {@code Content-Length} to refuse it by. Tomcat's own limit (2 MB unless set) is set to the same size, so such a body
 * is read no further than that, even on a call refused after, and the parameter read past it fails with a 413
 * ({@link ProblemAdvice}).
 * Runs after Boot's customizer, which sets {@code server.tomcat.max-http-form-post-size}.
 */
final class FormBodyLimit implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final int limit;

    FormBodyLimit(long limit) {
        this.limit = (int) Math.min(Integer.MAX_VALUE, limit);
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> connector.setMaxPostSize(limit));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
