package org.qunbei.notify;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where a notice leads, as a path inside Qunbei and as the absolute address a mail or a group robot
 * prints. The address is the school's configured one ({@code qunbei.public-url}), never a request's
 * Host header (no request is at hand when a mail goes out, and whoever sends one chooses it);
 * without one (the embedded default) this machine's own port.
 */
@Component
public class PublicLinks {

  private final String configured;
  private final Environment env;

  PublicLinks(@Value("${qunbei.public-url:}") String configured, Environment env) {
    String c = configured == null ? "" : configured.strip();
    this.configured = c.endsWith("/") ? c.substring(0, c.length() - 1) : c;
    this.env = env;
  }

  /** The address the school reaches Qunbei at, without a trailing slash. */
  public String base() {
    if (!configured.isEmpty()) {
      return configured;
    }
    return "http://localhost:" + localPort();
  }

  /** The port this application listens on (the embedded server's, once it started). */
  public int localPort() {
    String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
    try {
      return Integer.parseInt(port.strip());
    } catch (NumberFormatException e) {
      return 8080;
    }
  }

  /** The configured public address, or empty when none is set. */
  public String configured() {
    return configured;
  }

  public String absolute(String path) {
    return path == null ? base() : base() + (path.startsWith("/") ? path : "/" + path);
  }

  /** A decider's place: the filing's decision form. */
  static String decide(long filingId) {
    return "/filings/" + filingId + "#decide";
  }

  /** The applicant's place: the filing, or its form when it came back for correction. */
  static String applicant(long filingId, boolean returned) {
    return "/filings/" + filingId + (returned ? "/edit" : "");
  }
}
