package org.qunbei.system;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.qunbei.shared.DatabaseOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * While the database is away, every request that needs it answers 503 with Retry-After: a problem
 * in Chinese for the API, a Chinese page for people — never a 500, a stack trace or the login page.
 *
 * <p>It wraps everything, outside the session filter, because the database is touched before any
 * controller: the session is a database row (Spring Session JDBC), a token or a password is checked
 * against the database. A failure there escapes every filter below; here it becomes the 503. (A
 * controller's failure is answered by ApiProblems or the page errors in the same words.) The page
 * is a template of its own that knows no user and needs no session: the layout asks who is signed
 * in, which is the very question the database cannot answer now.
 */
class DatabaseOutageFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

  private final Messages messages;
  private final ObjectProvider<ITemplateEngine> templates;
  private final ObjectProvider<LocaleResolver> locales;

  DatabaseOutageFilter(
      Messages messages,
      ObjectProvider<ITemplateEngine> templates,
      ObjectProvider<LocaleResolver> locales) {
    this.messages = messages;
    this.templates = templates;
    this.locales = locales;
  }

  @Override
  protected boolean shouldNotFilterErrorDispatch() {
    return false; // an error page whose session cannot be read is an outage too
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (IOException | ServletException | RuntimeException e) {
      if (!DatabaseOutage.causedBy(e) || response.isCommitted()) {
        throw e;
      }
      log.warn(
          "Database unavailable, answered 503 to {} {}: {}",
          request.getMethod(),
          request.getRequestURI(),
          rootMessage(e));
      answer(request, response);
    }
  }

  /** The 503 itself; ApiProblems and the page errors say the same for a controller's failure. */
  void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.reset();
    response.setHeader("Retry-After", String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS));
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader(
        "Content-Security-Policy",
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'");
    String path = request.getRequestURI().substring(request.getContextPath().length());
    ITemplateEngine engine = templates.getIfAvailable();
    if (path.startsWith("/api/") || engine == null || !wantsHtml(request)) {
      messages.writeProblem(
          request, response, 503, "problem.unavailable.title", "problem.unavailable.detail");
      return;
    }
    LocaleResolver resolver = locales.getIfAvailable();
    Locale locale = resolver == null ? Locale.SIMPLIFIED_CHINESE : resolver.resolveLocale(request);
    var exchange =
        JakartaServletWebApplication.buildApplication(request.getServletContext())
            .buildExchange(request, response);
    var context = new WebContext(exchange, locale);
    context.setVariable("retryAfter", DatabaseOutage.RETRY_AFTER_SECONDS);
    String html = engine.process("unavailable", context);
    response.setStatus(503);
    response.setContentType("text/html;charset=UTF-8");
    response.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
  }

  /** A browser's page, not a script or htmx asking for JSON. */
  private static boolean wantsHtml(HttpServletRequest request) {
    String accept = request.getHeader("Accept");
    return accept == null || accept.contains("text/html") || accept.contains("*/*");
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }

  @Configuration
  static class Registration {

    /** First of all filters: before the session filter reads the session row. */
    @Bean
    FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter(
        Messages messages,
        ObjectProvider<ITemplateEngine> templates,
        ObjectProvider<LocaleResolver> locales) {
      var registration =
          new FilterRegistrationBean<>(new DatabaseOutageFilter(messages, templates, locales));
      registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
      registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
      return registration;
    }
  }
}
