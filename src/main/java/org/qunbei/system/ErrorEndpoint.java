package org.qunbei.system;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import org.qunbei.shared.UploadFields;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * Failures that never reached a controller (no such path, wrong method or media type, a filter's
 * refusal): a problem+json body for the API, the error page for people. Replaces Spring Boot's
 * English default.
 */
@Controller
class ErrorEndpoint implements ErrorController {

  private final Messages messages;
  private final JsonMapper json;

  ErrorEndpoint(Messages messages, JsonMapper json) {
    this.messages = messages;
    this.json = json;
  }

  @RequestMapping("/error")
  ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    // Asked for directly (GET /error), there is no error: nothing is here.
    int status = code instanceof Integer i ? i : 404;
    String uri = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
    // An upload refused for its size before any controller saw it still names the upload.
    UploadFields.Upload upload =
        status == 413 && uri.startsWith(request.getContextPath())
            ? UploadFields.of(uri.substring(request.getContextPath().length()))
            : null;
    if (uri.startsWith(request.getContextPath() + "/api/")) {
      var body = new LinkedHashMap<String, Object>();
      body.put("type", "about:blank");
      body.put("title", titleOf(status));
      body.put("status", status);
      if (upload == null) {
        body.put("detail", messages.text("error." + status, new Object[0]));
      } else {
        var v = upload.tooLarge();
        body.put("detail", messages.text(v.list().get(0)));
        body.put("errors", messages.fieldMessages(v));
      }
      body.put("instance", uri);
      response.setStatus(status);
      response.setContentType("application/problem+json;charset=UTF-8");
      json.writeValue(response.getOutputStream(), body);
      return null;
    }
    var mav = new ModelAndView("error");
    mav.setStatus(HttpStatus.valueOf(status));
    mav.addObject("status", status);
    mav.addObject("violations", upload == null ? null : upload.tooLarge());
    return mav;
  }

  private String titleOf(int status) {
    HttpStatus s = HttpStatus.resolve(status);
    return s == null ? String.valueOf(status) : s.getReasonPhrase();
  }
}
