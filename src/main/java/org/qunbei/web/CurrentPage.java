package org.qunbei.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The page's path, so the menu can mark where the reader is (aria-current). */
@ControllerAdvice
class CurrentPage {

  @ModelAttribute("currentPath")
  String currentPath(HttpServletRequest request) {
    return request.getRequestURI();
  }
}
