package dev.ticketingwarrior.edge.servlet;

import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Bodies in JSON only, read by the edge's strict mapper, as the WebFlux services take them. Spring MVC registers a
 * converter for every format whose library is on the class path: a Jackson 2 YAML one came with a dependency, so YAML
 * bodies were read past every strict-JSON rule (unknown fields, a number for a string) and a key given twice was a 500;
 * YAML was written on request too. Such converters are taken out: a body in another format is a 415, an answer asked
 * for in one a 406.
 */
final class JsonOnlyBodies implements WebMvcConfigurer {

    /** Subtypes of the structured formats a service does not speak (JSON's own, {@code +json} included, stay). */
    private static final Set<String> OTHER_FORMATS =
            Set.of("yaml", "x-yaml", "xml", "cbor", "x-jackson-smile", "x-protobuf", "x-ndjson");

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.configureMessageConvertersList(converters -> converters.removeIf(JsonOnlyBodies::otherFormat));
    }

    static boolean otherFormat(HttpMessageConverter<?> converter) {
        return converter.getSupportedMediaTypes().stream()
                .map(MediaType::getSubtype)
                .anyMatch(subtype -> OTHER_FORMATS.contains(subtype) || subtype.endsWith("+xml"));
    }
}
