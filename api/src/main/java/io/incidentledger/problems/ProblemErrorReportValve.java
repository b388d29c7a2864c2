package io.incidentledger.problems;

import java.io.IOException;
import java.util.UUID;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's last word on a request it refused before any application code ran (an encoded '/',
 * a malformed escape, an impossible request line): a problem detail instead of Tomcat's HTML page.
 */
class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        var status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        var code = ProblemCode.forStatus(status);
        var detail = status >= 500 ? "The server failed to process the request." : "The request is malformed.";
        var id = UUID.randomUUID().toString();
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.setHeader("X-Correlation-Id", id);
            var writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"about:blank\",\"title\":\"" + code.status().getReasonPhrase()
                        + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\",\"code\":\"" + code.name()
                        + "\",\"correlationId\":\"" + id + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException alreadyGone) {
            // The client is gone or the response is committed: nothing more can be said.
        }
    }
}
