package org.qunbei.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Chinese first, English second. The language a person chose ({@code ?lang=en}, the switch in the
 * menu) is remembered in a cookie; without one, the browser's {@code Accept-Language} decides among
 * the two; anything else reads Chinese.
 */
@Configuration
class LocaleConfig implements WebMvcConfigurer {

  static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
  static final List<Locale> SUPPORTED = List.of(CHINESE, Locale.ENGLISH);

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
    var change = new LocaleChangeInterceptor();
    change.setParamName("lang");
    change.setIgnoreInvalidLocale(true);
    registry.addInterceptor(change);
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
