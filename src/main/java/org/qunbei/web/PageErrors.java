package org.qunbei.web;

import org.qunbei.shared.ForbiddenException;
import org.qunbei.shared.InvalidInputException;
import org.qunbei.shared.NotFoundException;
import org.qunbei.shared.StateConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Pages fail to one error page per status, in Chinese, never with a stack trace. (The API's
 * failures are problem details, handled by system.ApiProblems first.)
 */
@ControllerAdvice
class PageErrors {

  private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

  @ExceptionHandler(NotFoundException.class)
  ModelAndView notFound() {
    return page(HttpStatus.NOT_FOUND, null);
  }

  @ExceptionHandler({ForbiddenException.class, AccessDeniedException.class})
  ModelAndView forbidden() {
    return page(HttpStatus.FORBIDDEN, null);
  }

  /** The state moved on, or the form was for a version another person has since changed. */
  @ExceptionHandler({StateConflictException.class, org.qunbei.shared.StaleVersionException.class})
  ModelAndView conflict() {
    return page(HttpStatus.CONFLICT, null);
  }

  @ExceptionHandler(org.qunbei.shared.TooSoonException.class)
  ModelAndView tooSoon() {
    return page(HttpStatus.TOO_MANY_REQUESTS, null);
  }

  @ExceptionHandler(InvalidInputException.class)
  ModelAndView invalid(InvalidInputException e) {
    return page(HttpStatus.BAD_REQUEST, e.violations());
  }

  /** {@code /filings/abc}: no filing has that id; {@code ?page=x}: a value the page cannot read. */
  @ExceptionHandler(
      org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
  ModelAndView unreadable(
      org.springframework.web.method.annotation.MethodArgumentTypeMismatchException e) {
    boolean inPath =
        e.getParameter()
            .hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class);
    return page(inPath ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST, null);
  }

  /** Over what the server takes at all: the error page names the upload (群二维码：…过大). */
  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ModelAndView tooLarge(jakarta.servlet.http.HttpServletRequest request) {
    var upload = org.qunbei.shared.UploadFields.of(request);
    return page(HttpStatus.CONTENT_TOO_LARGE, upload == null ? null : upload.tooLarge());
  }

  @ExceptionHandler(Exception.class)
  ModelAndView unexpected(Exception e, jakarta.servlet.http.HttpServletResponse response)
      throws Exception {
    if (e instanceof org.springframework.web.ErrorResponse) {
      throw e; // Spring's own 4xx (no such path, wrong method…) go through ErrorEndpoint.
    }
    if (fromBinder(e)) {
      // A form field no page writes: team[-1].name, or an index beyond what a list grows to
      // (team[300].name, team[99999999999].name) — the sender's mistake, not the server's.
      return page(HttpStatus.BAD_REQUEST, null);
    }
    if (org.qunbei.shared.DatabaseOutage.causedBy(e)) {
      // The database is away or too slow: nothing was written, the page works again once it is
      // back (docs/operations.md). The signed-in user was read before the controller ran.
      log.warn("Database unavailable, answered 503: {}", e.toString());
      response.setHeader(
          "Retry-After", String.valueOf(org.qunbei.shared.DatabaseOutage.RETRY_AFTER_SECONDS));
      var mav = page(HttpStatus.SERVICE_UNAVAILABLE, null);
      mav.addObject("retryAfter", org.qunbei.shared.DatabaseOutage.RETRY_AFTER_SECONDS);
      return mav;
    }
    log.error("Unexpected page error", e);
    return page(HttpStatus.INTERNAL_SERVER_ERROR, null);
  }

  private static ModelAndView page(HttpStatus status, Object violations) {
    var mav = new ModelAndView("error");
    mav.setStatus(status);
    mav.addObject("status", status.value());
    mav.addObject("violations", violations);
    return mav;
  }

  private static boolean fromBinder(Exception e) {
    for (StackTraceElement f : e.getStackTrace()) {
      if (f.getClassName().equals("org.springframework.validation.DataBinder")) {
        return true;
      }
    }
    return false;
  }
}
