package dev.ticketingwarrior.edge.problem;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/** Builds the problem bodies and headers both web stacks send. */
public final class Problems {

    private Problems() {}

    public static ProblemDetail detail(ProblemType type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(type.status()), detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        return problem;
    }

    /** The problem of a {@link ProblemException}, its properties included. */
    public static ProblemDetail of(ProblemException e) {
        ProblemDetail problem = detail(e.type(), e.getMessage());
        e.properties().forEach(problem::setProperty);
        return problem;
    }

    /**
     * The 503 of a dependency that does not answer. It does not say which: what a service runs on is none of the
     * client's business (the log names it).
     */
    public static ProblemDetail of(DependencyUnavailableException e) {
        return detail(ProblemType.SERVICE_UNAVAILABLE, "A service this request needs is not answering; retry shortly.");
    }

    /** A 500 that says nothing of its cause. */
    public static ProblemDetail internalError() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(500), "Internal error");
        problem.setTitle("Internal error");
        return problem;
    }

    public static ProblemDetail tooLarge() {
        return detail(ProblemType.PAYLOAD_TOO_LARGE, "The request body is too large.");
    }

    public static ProblemDetail tooLarge(long limit) {
        return detail(ProblemType.PAYLOAD_TOO_LARGE, "The request body is larger than " + limit + " bytes.");
    }

    /**
     * The problem that re-types a status the framework raised, keeping its detail when it has one. A server error other
     * than 503 is an internal error that says nothing of its cause, like {@link #internalError()}: no client-error type.
     */
    public static ProblemDetail forStatus(HttpStatusCode status, String detail) {
        if (status.is5xxServerError() && status.value() != 503) {
            ProblemDetail problem = internalError();
            problem.setStatus(status.value());
            return problem;
        }
        ProblemType type = typeFor(status.value());
        ProblemDetail problem = detail(type, detail == null ? type.title() : detail);
        problem.setStatus(status.value());
        return problem;
    }

    /** A request target with a dot segment ({@link dev.ticketingwarrior.edge.DotSegments}): 400, on both edges. */
    public static ProblemDetail dotSegment() {
        return detail(ProblemType.INVALID_REQUEST, DOT_SEGMENT);
    }

    /**
     * What the servlet edge tells a refused dot segment. The reactive edge refuses it as a request head Reactor Netty
     * could not decode, whose problem says so in the words of {@link #unreadRequest}; this text is the refusal's cause.
     */
    public static final String DOT_SEGMENT =
            "The path has a dot segment (. or .., as is or percent-encoded): no URL" + " here has one.";

    /**
     * The problem of an error answered without a body, by its status: mostly what the HTTP server answers itself,
     * before any handler runs (a request it could not read, a request head that did not arrive in time).
     */
    public static ProblemDetail unreadRequest(int status) {
        String detail = switch (status) {
            case 400 -> "The request could not be read: it is malformed, or HTTP this server does not serve.";
            case 408 -> "The request was not received in time.";
            case 414 -> "The request line is too long.";
            case 431 -> "The request's header section is too large.";
            default -> null;
        };
        return forStatus(HttpStatusCode.valueOf(status), detail);
    }

    /** The problem type that best names a framework-raised client error (or 503). */
    public static ProblemType typeFor(int status) {
        return switch (status) {
            case 401 -> ProblemType.UNAUTHORIZED;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 406 -> ProblemType.NOT_ACCEPTABLE;
            case 408 -> ProblemType.REQUEST_TIMEOUT;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
            case 429 -> ProblemType.RATE_LIMITED;
            case 503 -> ProblemType.SERVICE_UNAVAILABLE;
            default -> ProblemType.INVALID_REQUEST;
        };
    }

    /**
     * The headers a problem carries: {@code Retry-After} in whole seconds (at least 1) when the client should come
     * back, {@code WWW-Authenticate} on a 401 (RFC 9110 §11.6.1 names the scheme wanted: the ops bearer token).
     */
    public static HttpHeaders headers(ProblemDetail problem, Duration retryAfter) {
        HttpHeaders headers = new HttpHeaders();
        if (retryAfter != null) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
        }
        if (ProblemType.UNAUTHORIZED.uri().equals(problem.getType())) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ticketing-ops\"");
        }
        return headers;
    }

    /** {@code response} with the headers the framework set for it (e.g. {@code Allow} on a 405) added. */
    public static <T> ResponseEntity<T> withHeaders(ResponseEntity<T> response, HttpHeaders framework) {
        if (framework == null || framework.isEmpty()) {
            return response;
        }
        HttpHeaders merged = new HttpHeaders();
        merged.addAll(framework);
        merged.addAll(response.getHeaders());
        return new ResponseEntity<>(response.getBody(), merged, response.getStatusCode());
    }

    /** The request path as the problem's instance, unless it is too long or not even a valid URI reference. */
    public static Optional<URI> instance(String path) {
        if (path == null || path.length() > 512) {
            return Optional.empty();
        }
        try {
            return Optional.of(new URI(path));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The problem's JSON (UTF-8), for writers that bypass the message converters (filters, last resort, Netty). */
    public static byte[] json(JsonMapper json, ProblemDetail problem) {
        return json.writeValueAsBytes(asMap(problem));
    }

    /** A plain map of the problem for writers that bypass the message converters (filters, last resort). */
    public static Map<String, Object> asMap(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        // a problem without a type (Spring leaves a 500's unset) is "about:blank" (RFC 9457 §4.2.1)
        body.put(
                "type",
                problem.getType() == null ? "about:blank" : problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }

    /**
     * The 400 of a body that could not be read as the request's JSON, saying what was wrong and where when the JSON
     * reader knew ({@code errors}: one line, e.g. {@code ratePerSecond: not a number}), without the reader's
     * own words, which name Java classes.
     */
    public static ProblemDetail unreadableBody(Throwable error) {
        String reason = null;
        for (Throwable cause = error; cause != null && reason == null; cause = cause.getCause()) {
            if (cause instanceof JacksonException json) {
                reason = explain(json);
            }
        }
        if (reason == null) {
            return detail(ProblemType.INVALID_REQUEST, "The body is not the expected JSON.");
        }
        ProblemDetail problem = detail(ProblemType.INVALID_REQUEST, "The body is not the expected JSON: " + reason);
        problem.setProperty("errors", List.of(reason));
        return problem;
    }

    private static String explain(JacksonException e) {
        String field = e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        String at = field.isEmpty() ? "" : field + ": ";
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown field " + quoted(field.isEmpty() ? unknown.getPropertyName() : field);
        }
        if (e instanceof InvalidFormatException format) {
            return at + quoted(String.valueOf(format.getValue())) + " is not " + kind(format.getTargetType());
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return at + "not " + kind(mismatched.getTargetType());
        }
        if (e instanceof StreamReadException syntax) {
            if (syntax.getOriginalMessage() != null
                    && syntax.getOriginalMessage().startsWith("Duplicate")) {
                return "a field is given twice";
            }
            return "not valid JSON"
                    + (syntax.getLocation() == null
                            ? ""
                            : " (line " + syntax.getLocation().getLineNr() + ", column "
                                    + syntax.getLocation().getColumnNr() + ")");
        }
        return at.isEmpty() ? "unreadable" : at + "unreadable";
    }

    /** A Java type as a JSON reader would call it. */
    private static String kind(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(Object::toString)
                            .collect(Collectors.joining(", "));
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "an object";
    }

    private static String quoted(String text) {
        return "\"" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "\"";
    }

    /** Whether {@code error} or one of its causes is of {@code type}. */
    public static boolean causedBy(Throwable error, Class<?>... types) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            for (Class<?> type : types) {
                if (type.isInstance(cause)) {
                    return true;
                }
            }
        }
        return false;
    }
}
