package org.qunbei.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (the npm package, installed by .ci/run under target/axe) run inside the page: the
 * serious and critical WCAG 2.1 A/AA violations it finds, as a short text per rule.
 */
final class Axe {

  static final Path SCRIPT =
      Path.of(System.getProperty("qunbei.axe", "target/axe/node_modules/axe-core/axe.min.js"));

  private Axe() {}

  /** The page's serious and critical violations, one line per rule with up to five elements. */
  static java.util.List<String> violations(WebDriver driver) {
    if (!Files.isReadable(SCRIPT)) {
      if ("true".equals(System.getenv("CI"))) {
        throw new IllegalStateException("axe-core must be installed under CI (.ci/run does it)");
      }
      Assumptions.abort(
          "axe-core not installed: npm install --prefix target/axe axe-core (see README)");
    }
    var js = (JavascriptExecutor) driver;
    try {
      js.executeScript(Files.readString(SCRIPT));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    Object found =
        js.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values:"
                + " ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']})"
                + ".then(r => done(r.violations"
                + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.impact + ' ' + v.id + ': ' + v.help + ' — '"
                + " + v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(', '))))"
                + ".catch(e => done(['axe failed: ' + e]));");
    @SuppressWarnings("unchecked")
    var list = (java.util.List<String>) found;
    return list;
  }
}
