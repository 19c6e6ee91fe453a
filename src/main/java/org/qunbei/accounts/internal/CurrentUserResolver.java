package org.qunbei.accounts.internal;

import java.util.List;
import org.qunbei.accounts.CurrentUser;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Lets controllers take a {@link CurrentUser} parameter instead of digging in the context. */
@Configuration
class CurrentUserResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

  static {
    // The caller comes from their session or token, not from the request's parameters: without
    // this the API document listed a required query parameter "user" on 66 of 69 operations.
    org.springdoc.core.utils.SpringDocUtils.getConfig()
        .addRequestWrapperToIgnore(CurrentUser.class);
  }

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType().equals(CurrentUser.class);
  }

  @Override
  public Object resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer mav,
      NativeWebRequest request,
      WebDataBinderFactory binderFactory) {
    return org.qunbei.accounts.CurrentUsers.current()
        .orElseThrow(
            () -> new org.springframework.security.access.AccessDeniedException("not logged in"));
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(this);
  }
}
