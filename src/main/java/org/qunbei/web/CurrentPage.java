package org.qunbei.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Where the reader is: the page's path, so the menu can mark it (aria-current), and the address the
 * language switch reloads in the other language.
 */
@ControllerAdvice
class CurrentPage {

  @ModelAttribute("currentPath")
  String currentPath(HttpServletRequest request) {
    return request.getRequestURI();
  }

  /**
   * The page to show again in the other language, without any earlier {@code lang}: this page with
   * its filters when it was fetched with GET; a page rendered for a POST (a form sent back with its
   * errors) has no address to fetch again, so the page the form was on (the Referer, when it is
   * ours), else the home page.
   */
  @ModelAttribute("languageLink")
  String languageLink(HttpServletRequest request) {
    if ("GET".equals(request.getMethod())) {
      return withoutLang(request.getRequestURI(), request.getQueryString());
    }
    String referer = request.getHeader("Referer");
    if (referer != null) {
      try {
        URI from = URI.create(referer);
        if (request.getServerName().equalsIgnoreCase(from.getHost())
            && from.getRawPath() != null
            && from.getRawPath().startsWith("/")) {
          return withoutLang(from.getRawPath(), from.getRawQuery());
        }
      } catch (IllegalArgumentException malformed) {
        // fall through to the home page
      }
    }
    return "/";
  }

  private static String withoutLang(String path, String query) {
    if (query == null || query.isBlank()) {
      return path;
    }
    String kept =
        Arrays.stream(query.split("&"))
            .filter(p -> !p.equals("lang") && !p.startsWith("lang="))
            .collect(Collectors.joining("&"));
    return kept.isEmpty() ? path : path + "?" + kept;
  }
}
