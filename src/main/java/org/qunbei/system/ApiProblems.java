package org.qunbei.system;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.qunbei.shared.ForbiddenException;
import org.qunbei.shared.InvalidInputException;
import org.qunbei.shared.NotFoundException;
import org.qunbei.shared.StaleVersionException;
import org.qunbei.shared.StateConflictException;
import org.qunbei.shared.UploadFields;
import org.qunbei.shared.Violations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every API failure as RFC 9457 problem details with a Chinese {@code detail}; invalid input names
 * every offending field at once. No stack trace, SQL or class name reaches a client.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems {

  private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

  private final Messages messages;

  ApiProblems(Messages messages) {
    this.messages = messages;
  }

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<ProblemDetail> invalid(InvalidInputException e) {
    return invalid(e.violations());
  }

  ResponseEntity<ProblemDetail> invalid(Violations v) {
    ProblemDetail p =
        problem(
            HttpStatus.BAD_REQUEST,
            "problem.invalid.title",
            "problem.invalid.detail",
            v.list().size());
    p.setProperty("errors", messages.fieldMessages(v));
    return respond(p);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(
      HttpMessageNotReadableException e, HttpServletRequest request) {
    Throwable cause = e.getCause();
    if (hasCause(e, BodyTooLargeException.class)) {
      return tooLarge(request);
    }
    if (cause instanceof JacksonException je && !je.getPath().isEmpty()) {
      String field = path(je.getPath());
      String label = messages.text("field." + field.replaceAll("\\[\\d+]", ""));
      Violations v = new Violations();
      if (je instanceof InvalidFormatException ife
          && ife.getTargetType() != null
          && ife.getTargetType().isEnum()) {
        String allowed =
            Arrays.stream(ife.getTargetType().getEnumConstants())
                .map(Object::toString)
                .collect(Collectors.joining(", "));
        v.add(field, "filing.invalidEnum", label, String.valueOf(ife.getValue()), allowed);
      } else if (je instanceof InvalidFormatException ife
          && ife.getTargetType() != null
          && java.time.temporal.Temporal.class.isAssignableFrom(ife.getTargetType())) {
        v.add(field, "filing.invalidDate", label);
      } else if (je instanceof MismatchedInputException) {
        v.add(field, "filing.invalidType", label);
      } else {
        v.add(field, "filing.invalidValue", label);
      }
      return invalid(v);
    }
    return respond(
        problem(HttpStatus.BAD_REQUEST, "problem.invalid.title", "problem.malformed.detail"));
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
    return respond(
        problem(HttpStatus.NOT_FOUND, "problem.notFound.title", "problem.notFound.detail"));
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
    return notFound(null);
  }

  @ExceptionHandler(ForbiddenException.class)
  ResponseEntity<ProblemDetail> forbidden(ForbiddenException e) {
    return respond(problem(HttpStatus.FORBIDDEN, "problem.forbidden.title", e.code()));
  }

  @ExceptionHandler(StateConflictException.class)
  ResponseEntity<ProblemDetail> conflict(StateConflictException e) {
    Object[] args =
        Arrays.stream(e.args())
            .map(a -> a instanceof Enum<?> en ? messages.label(en) : a)
            .toArray();
    return respond(problem(HttpStatus.CONFLICT, "problem.conflict.title", e.code(), args));
  }

  @ExceptionHandler(org.qunbei.shared.TooSoonException.class)
  ResponseEntity<ProblemDetail> tooSoon(org.qunbei.shared.TooSoonException e) {
    return respond(
        problem(HttpStatus.TOO_MANY_REQUESTS, "problem.tooSoon.title", e.code(), e.args()));
  }

  /** A version check, lock timeout or deadlock lost to a concurrent change. */
  @ExceptionHandler(ConcurrencyFailureException.class)
  ResponseEntity<ProblemDetail> raced(ConcurrencyFailureException e) {
    return respond(
        problem(HttpStatus.CONFLICT, "problem.conflict.title", "problem.optimistic.detail"));
  }

  /** A unique key lost to a concurrent request (e.g. the same group number submitted twice). */
  @ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
  ResponseEntity<ProblemDetail> taken(org.springframework.dao.DataIntegrityViolationException e) {
    return respond(problem(HttpStatus.CONFLICT, "problem.conflict.title", "problem.taken.detail"));
  }

  @ExceptionHandler(StaleVersionException.class)
  ResponseEntity<ProblemDetail> stale(StaleVersionException e) {
    return respond(
        problem(
            HttpStatus.PRECONDITION_FAILED,
            "problem.stale.title",
            "problem.stale.detail",
            e.currentVersion()));
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ProblemDetail> uploadTooLarge(
      MaxUploadSizeExceededException e, HttpServletRequest request) {
    return tooLarge(request);
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
    String supported =
        e.getSupportedMediaTypes().stream()
            .map(MediaType::toString)
            .collect(Collectors.joining("、"));
    return respond(
        problem(
            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            "problem.mediaType.title",
            "problem.mediaType.detail",
            supported));
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
    return respond(
        problem(HttpStatus.NOT_ACCEPTABLE, "problem.invalid.title", "problem.invalid.title"));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
    return respond(
        problem(
            HttpStatus.METHOD_NOT_ALLOWED,
            "problem.method.title",
            "problem.method.detail",
            e.getMethod()));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> argument(MethodArgumentTypeMismatchException e) {
    return invalid(
        new Violations()
            .add(e.getName(), "filing.invalidValue", messages.text("field." + e.getName())));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e) {
    return invalid(
        new Violations()
            .add(
                e.getParameterName(),
                "filing.required",
                messages.text("field." + e.getParameterName())));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
    if (hasCause(e, BodyTooLargeException.class)) {
      return tooLarge(request);
    }
    if (org.qunbei.shared.DatabaseOutage.causedBy(e)) {
      return unavailable(e, request);
    }
    log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
    return respond(
        problem(HttpStatus.INTERNAL_SERVER_ERROR, "problem.error.title", "problem.error.detail"));
  }

  /**
   * 503: the database is away or over its time limit; the transaction rolled back, nothing was
   * written, the same request may be sent again (DatabaseOutageFilter answers the filters' alike).
   */
  private ResponseEntity<ProblemDetail> unavailable(Exception e, HttpServletRequest request) {
    log.warn(
        "Database unavailable, answered 503 to {} {}: {}",
        request.getMethod(),
        request.getRequestURI(),
        e.toString());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header("Retry-After", String.valueOf(org.qunbei.shared.DatabaseOutage.RETRY_AFTER_SECONDS))
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(
            problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "problem.unavailable.title",
                "problem.unavailable.detail"));
  }

  /** 413, naming the upload the path takes (群二维码：…) or, for a JSON body, its limit. */
  private ResponseEntity<ProblemDetail> tooLarge(HttpServletRequest request) {
    UploadFields.Upload upload = UploadFields.of(request);
    if (upload == null) {
      return respond(
          problem(
              HttpStatus.CONTENT_TOO_LARGE,
              "problem.tooLarge.title",
              "problem.tooLarge.detail",
              ApiBodyLimit.JSON_LIMIT / 1024));
    }
    Violations v = upload.tooLarge();
    ProblemDetail p =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONTENT_TOO_LARGE, messages.text(v.list().get(0)));
    p.setTitle(messages.text("problem.tooLarge.title"));
    p.setProperty("errors", messages.fieldMessages(v));
    return respond(p);
  }

  private ProblemDetail problem(HttpStatus status, String title, String detail, Object... args) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, messages.text(detail, args));
    p.setTitle(messages.text(title));
    return p;
  }

  private static ResponseEntity<ProblemDetail> respond(ProblemDetail p) {
    return ResponseEntity.status(p.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(p);
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static String path(List<JacksonException.Reference> refs) {
    StringBuilder b = new StringBuilder();
    for (JacksonException.Reference r : refs) {
      if (r.getPropertyName() != null) {
        if (!b.isEmpty()) {
          b.append('.');
        }
        b.append(r.getPropertyName());
      } else if (r.getIndex() >= 0) {
        b.append('[').append(r.getIndex()).append(']');
      }
    }
    return b.toString();
  }
}
