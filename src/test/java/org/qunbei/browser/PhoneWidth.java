package org.qunbei.browser;

import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * What a phone reader notices first: something wider than the screen. Lists every visible element
 * that reaches past the viewport's left or right edge (a table scrolled sideways inside a box
 * counts too: on a phone that is a page one reads through a slot), and the page itself when it
 * scrolls sideways.
 */
final class PhoneWidth {

  private static final String OVERFLOWING =
      """
      const w = document.documentElement.clientWidth;
      const out = [];
      for (const e of document.querySelectorAll('body *')) {
        const r = e.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        // A folded section's content is laid out but not shown (content-visibility).
        const folded = e.closest('details:not([open])');
        if (folded && !e.closest('summary')) continue;
        const style = getComputedStyle(e);
        if (style.visibility === 'hidden' || style.position === 'fixed' && r.top > innerHeight) continue;
        if (r.right > w + 1 || r.left < -1) {
          out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
            + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
            + ' [' + Math.round(r.left) + '..' + Math.round(r.right) + ' of ' + w + '] '
            + (e.innerText || '').trim().slice(0, 30));
        }
      }
      if (document.documentElement.scrollWidth > w + 1) {
        out.push('the page scrolls sideways: ' + document.documentElement.scrollWidth + ' of ' + w);
      }
      return out;
      """;

  private PhoneWidth() {}

  /** Opens every folded section, so that what a reader may unfold is measured too. */
  static void unfold(WebDriver driver) {
    ((JavascriptExecutor) driver)
        .executeScript("document.querySelectorAll('details').forEach(d => d.open = true)");
  }

  @SuppressWarnings("unchecked")
  static List<String> overflowing(WebDriver driver) {
    return (List<String>) ((JavascriptExecutor) driver).executeScript(OVERFLOWING);
  }
}
