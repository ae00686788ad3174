package org.ecoledger.api.http.problems;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.MediaType;

/**
 * Tomcat's last word on an error, as a problem detail instead of its HTML page: it answers what Tomcat refuses before
 * the request reaches the application (a path with an encoded NUL or slash, an invalid encoding, a malformed request
 * line), where neither Spring MVC nor the {@code /error} page ({@link ProblemErrorController}) runs. It writes only
 * when nothing else has written a body; it never shows an exception, a stack trace or the server's name.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    public ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        ProblemType type = ProblemType.ofStatus(status);
        String detail = status == 400 ? "The request was rejected before it could be read (its path, headers or "
                + "encoding)" : type.title();
        String json = "{\"type\":\"" + type.type() + "\",\"title\":\"" + type.title() + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}";
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away or the response was committed meanwhile: nothing more to say.
        }
    }
}
