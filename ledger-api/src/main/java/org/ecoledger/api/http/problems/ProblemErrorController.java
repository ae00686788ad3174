package org.ecoledger.api.http.problems;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page ({@code /error}) as a problem detail, replacing Spring Boot's JSON or HTML
 * error page: what reaches it was answered with an error before Spring MVC could handle the request (a request the
 * container or Spring Security's firewall rejected, a {@code sendError} from a filter). Like every other error it is
 * {@code application/problem+json} with the problem type of its status; it never shows an exception or a stack.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value && value >= 400 && value <= 599 ? value
                : HttpStatus.INTERNAL_SERVER_ERROR.value();
        ProblemType type = ProblemType.ofStatus(status);
        HttpStatus known = HttpStatus.resolve(status);
        ProblemDetail problem = Problems.of(type, type == ProblemType.MALFORMED_REQUEST && status == 400
                ? "The request was rejected before it could be read (its path, headers or encoding)"
                : known != null ? known.getReasonPhrase() : type.title());
        problem.setStatus(status);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
