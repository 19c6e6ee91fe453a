package org.qunbei.web;

import java.beans.PropertyEditorSupport;
import org.qunbei.shared.Text;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Text typed into the filing, decision and lifecycle forms is kept as the rules check it: without
 * the spaces around it and without characters nobody can see or a column should keep (the JSON API
 * refuses those by field; a page form cleans them, since the person never saw them). Not applied to
 * the account pages: a password is taken exactly as typed.
 */
@ControllerAdvice(
    basePackages = {"org.qunbei.filing.web", "org.qunbei.approval.web", "org.qunbei.lifecycle.web"})
class FormText {

  @InitBinder
  void text(WebDataBinder binder) {
    binder.registerCustomEditor(
        String.class,
        new PropertyEditorSupport() {
          @Override
          public void setAsText(String text) {
            setValue(text == null ? null : Text.cleaned(text).strip());
          }
        });
  }
}
