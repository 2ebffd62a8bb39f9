package org.subledger.platform.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.io.Writer;

/**
 * Tomcat's own error report, for what it refuses before any servlet runs (a malformed request line, an encoded NUL
 * or slash in the path, a header over the limit): {@code application/problem+json} with a stable code instead of
 * Tomcat's HTML page. Installed as the host's error report valve by {@link LedgerWebAutoConfiguration}.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        var code = Problems.codeOf(HttpStatusCode.valueOf(status));
        HttpStatus known = HttpStatus.resolve(status);
        String title = known != null ? known.getReasonPhrase() : "Error";
        String detail = status >= 500 ? "The ledger failed to process the request." : "The request was refused.";
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                // only constants go into this body: nothing of the refused request is echoed
                writer.write("{\"type\":\"urn:subledger:problem:" + code.name().toLowerCase().replace('_', '-')
                        + "\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail
                        + "\",\"code\":\"" + code.name() + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ignored) {
            // the client is gone or the response is committed: nothing more can be said
        }
    }
}
