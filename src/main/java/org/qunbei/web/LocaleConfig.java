package org.qunbei.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Chinese first, English second. The language a person chose ({@code ?lang=en}, the switch in the
 * menu) is remembered in a cookie; without one, the browser's {@code Accept-Language} decides among
 * the two; anything else reads Chinese.
 */
@Configuration
class LocaleConfig implements WebMvcConfigurer {

  static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
  static final List<Locale> SUPPORTED = List.of(CHINESE, Locale.ENGLISH);

  static {
    // Threads outside a request (scheduled sweeps, mail) speak Chinese, not the JVM's default.
    org.springframework.context.i18n.LocaleContextHolder.setDefaultLocale(CHINESE);
  }

  @Bean
  LocaleResolver localeResolver() {
    var header = new AcceptHeaderLocaleResolver();
    header.setSupportedLocales(SUPPORTED);
    header.setDefaultLocale(CHINESE);
    var cookie = new CookieLocaleResolver("qunbei-lang");
    cookie.setCookieMaxAge(Duration.ofDays(365));
    cookie.setDefaultLocaleFunction(header::resolveLocale);
    cookie.setRejectInvalidCookies(true);
    return new SupportedOnly(cookie);
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new LanguageSwitch());
  }

  /**
   * {@code ?lang=en} on a GET switches the language and remembers it. Only a GET: asking a POST for
   * a parameter parses its body, and an oversize upload must reach the upload's own refusal instead
   * of failing here (Spring's LocaleChangeInterceptor asks every request).
   */
  private static final class LanguageSwitch implements HandlerInterceptor {
    @Override
    public boolean preHandle(
        jakarta.servlet.http.HttpServletRequest request,
        jakarta.servlet.http.HttpServletResponse response,
        Object handler) {
      if (request.getDispatcherType() != jakarta.servlet.DispatcherType.REQUEST
          || !"GET".equals(request.getMethod())) {
        return true; // an error page for a failed upload must not parse that upload again
      }
      String lang = request.getParameter("lang");
      LocaleResolver resolver = RequestContextUtils.getLocaleResolver(request);
      if (lang != null && !lang.isBlank() && resolver != null) {
        resolver.setLocale(request, response, Locale.forLanguageTag(lang.strip()));
      }
      return true;
    }
  }

  /** Keeps a cookie or parameter naming another language from switching to it. */
  private record SupportedOnly(CookieLocaleResolver cookie) implements LocaleResolver {
    @Override
    public Locale resolveLocale(jakarta.servlet.http.HttpServletRequest request) {
      Locale chosen = cookie.resolveLocale(request);
      return SUPPORTED.stream()
          .filter(l -> l.getLanguage().equals(chosen.getLanguage()))
          .findFirst()
          .orElse(CHINESE);
    }

    @Override
    public void setLocale(
        jakarta.servlet.http.HttpServletRequest request,
        jakarta.servlet.http.HttpServletResponse response,
        Locale locale) {
      Locale kept =
          locale == null
              ? null
              : SUPPORTED.stream()
                  .filter(l -> l.getLanguage().equals(locale.getLanguage()))
                  .findFirst()
                  .orElse(CHINESE);
      cookie.setLocale(request, response, kept);
    }
  }
}
