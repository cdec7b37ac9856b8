package dev.ticketingwarrior.edge.servlet;

import dev.ticketingwarrior.edge.problem.ProblemAnswer;
import dev.ticketingwarrior.edge.problem.Problems;
import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's answer to a request it refuses before any servlet runs (an encoded {@code /} or a control byte in the
 * path, a header line it cannot parse, a header section over its limit, an {@code Expect} it does not know) as the
 * same problem+json the application writes, instead of Tomcat's HTML page, saying what was wrong in the words the
 * WebFlux services use for their HTTP server's refusals ({@link Problems#unreadRequest}); a transfer coding, method or
 * HTTP version it does not implement is a 400 there, not its 501 or 505. Tomcat creates it by its class name.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        if (status == 501 || status == 505) {
            // a transfer coding, method or HTTP version Tomcat does not implement: what the client sent is the fault
            // (SPEC §9: no 5xx for client input), as the WebFlux services answer it
            status = 400;
            response.setStatus(status);
        }
        ProblemAnswer answer = ProblemAnswer.of(Problems.unreadRequest(status), null);
        try {
            answer.headers().forEach((name, values) -> {
                if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                    values.forEach(value -> response.setHeader(name, value));
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
}
