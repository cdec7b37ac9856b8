package dev.ticketingwarrior.edge.servlet;

import dev.ticketingwarrior.edge.EdgeAutoConfiguration;
import dev.ticketingwarrior.edge.EdgeProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/**
 * The edge of a Spring MVC service: problem advice, targets with dot segments refused (first of all filters), the
 * body-size limit (next, and on the form bodies Tomcat reads itself), JSON bodies only, whole-number parameters in
 * plain decimal, trailer fields bounded by size,
 * problem+json for what Tomcat refuses itself.
 */
@AutoConfiguration(
        after = EdgeAutoConfiguration.class,
        afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
        // before Boot's own problem handler, which steps aside when a ResponseEntityExceptionHandler exists
        beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({ProblemAdvice.class, DecimalParameters.class})
public class ServletEdgeAutoConfiguration {

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(EdgeProperties properties, JsonMapper json) {
        FilterRegistrationBean<BodySizeLimitFilter> registration = new FilterRegistrationBean<>(
                new BodySizeLimitFilter(properties.maxBodySize().toBytes(), json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** First of all, before the body-size limit: nothing of a request climbing out of its path is read. */
    @Bean
    FilterRegistrationBean<DotSegmentFilter> dotSegmentFilter(JsonMapper json) {
        FilterRegistrationBean<DotSegmentFilter> registration =
                new FilterRegistrationBean<>(new DotSegmentFilter(json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    JsonOnlyBodies jsonOnlyBodies() {
        return new JsonOnlyBodies();
    }

    /** Problem+json from Tomcat too, for the requests it refuses before the application sees them. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory")
    static class TomcatProblems {

        @Bean
        ProblemErrorReports problemErrorReports() {
            return new ProblemErrorReports();
        }

        @Bean
        FormBodyLimit formBodyLimit(EdgeProperties properties) {
            return new FormBodyLimit(properties.maxBodySize().toBytes());
        }

        @Bean
        TrailerFieldsLimit trailerFieldsLimit() {
            return new TrailerFieldsLimit();
        }
    }
}
