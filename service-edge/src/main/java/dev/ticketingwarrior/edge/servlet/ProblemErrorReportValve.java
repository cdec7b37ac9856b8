package dev.ticketingwarrior.edge.servlet;

import dev.ticketingwarrior.edge.problem.ProblemAnswer;
import dev.ticketingwarrior.edge.problem.Problems;
import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.res.StringManager;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's answer to a request it refuses before any servlet runs (an encoded {@code /} or a control byte in the
 * path, a header line it cannot parse, a head over its limit, an {@code Expect} it does not know) as the
 * same problem+json the application writes, instead of Tomcat's HTML page, saying what was wrong in the words the
 * WebFlux services use for their HTTP server's refusals ({@link Problems#unreadRequest}); a transfer coding, method or
 * HTTP version it does not implement is a 400 there, not its 501 or 505, and a head over the limit a 414 (request line)
 * or 431 (header section), not its 400. An error status the application answers with no body gets its problem too,
 * as from the WebFlux services. Tomcat creates it by its class name.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The message of Tomcat's head-too-large refusal, as its HTTP/1.1 parser words it in this JVM's locale. */
    private static final String HEAD_TOO_LARGE =
            StringManager.getManager("org.apache.coyote.http11").getString("iib.requestheadertoolarge.error");

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        // an error raised with sendError, reported once; or an error status answered without a body or a type (the
        // actuator's answer to an unknown metric or health group)
        if (response.isError() ? !response.setErrorReported() : response.getContentType() != null) {
            return;
        }
        response.setContentLengthLong(-1);
        if (status == 400 && headTooLarge(throwable)) {
            // Tomcat says 400 for both; the WebFlux services' Reactor Netty tells them apart (RFC 9110 §15.5.15,
            // RFC 6585 §5), and so does this: a head that ended before its request line did is a request line too long
            // (one whose target was read but not yet its version is taken for a header section: 431, still a 4xx)
            status = request.getCoyoteRequest().requestURI().isNull() ? 414 : 431;
            response.setStatus(status);
        } else if (status == 501 || status == 505) {
            // a transfer coding, method or HTTP version Tomcat does not implement: what the client sent is the fault
            // (SPEC §9: no 5xx for client input), as the WebFlux services answer it
            status = 400;
            response.setStatus(status);
        }
        ProblemAnswer answer = ProblemAnswer.of(Problems.unreadRequest(status), null);
        try {
            // the problem's Retry-After or WWW-Authenticate unless the answer had its own
            answer.headers().forEach((name, values) -> {
                if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) && !response.containsHeader(name)) {
                    values.forEach(value -> response.addHeader(name, value));
                }
            });
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(Problems.asMap(answer.body())));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response cannot take a body: the status alone goes out
        }
    }

    /** Tomcat's refusal of a request head over {@code max-http-request-header-size}, request line included. */
    private static boolean headTooLarge(Throwable throwable) {
        return throwable instanceof IllegalArgumentException && HEAD_TOO_LARGE.equals(throwable.getMessage());
    }
}
