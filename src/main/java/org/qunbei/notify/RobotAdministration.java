package org.qunbei.notify;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.accounts.Directory;
import org.qunbei.accounts.Role;
import org.qunbei.approval.ApprovalChain;
import org.qunbei.shared.ForbiddenException;
import org.qunbei.shared.NotFoundException;
import org.qunbei.shared.Violations;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The system administrator's group robots: created, changed, deleted (each on the audit trail) and
 * tried with a test message. A webhook must be http(s), carry no user-info and not point at Qunbei
 * itself (which would post into its own pages); a secret belongs to the platforms that sign.
 */
@Service
public class RobotAdministration {

  static final int NAME_MAX = 100;
  static final int URL_MAX = 1000;
  static final int SECRET_MAX = 200;

  private final Robots robots;
  private final RobotDeliveries deliveries;
  private final Directory directory;
  private final ApprovalChain chain;
  private final PublicLinks links;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate tx;
  private final RobotDispatcher dispatcher;
  private final Clock clock;
  private final org.qunbei.system.Messages messages;

  RobotAdministration(
      Robots robots,
      RobotDeliveries deliveries,
      Directory directory,
      ApprovalChain chain,
      PublicLinks links,
      ApplicationEventPublisher events,
      TransactionTemplate tx,
      RobotDispatcher dispatcher,
      Clock clock,
      org.qunbei.system.Messages messages) {
    this.robots = robots;
    this.deliveries = deliveries;
    this.directory = directory;
    this.chain = chain;
    this.links = links;
    this.events = events;
    this.tx = tx;
    this.dispatcher = dispatcher;
    this.clock = clock;
    this.messages = messages;
  }

  /** A robot and its latest post (null before the first). */
  public record RobotState(Robot robot, RobotDelivery last) {}

  /** A scope the page offers: a department or a step, by code and name. */
  public record Choice(String code, String name) {}

  public List<RobotState> list(CurrentUser user) {
    requireAdmin(user);
    return tx.execute(
        s ->
            robots.findAllByOrderByIdAsc().stream()
                .map(
                    r ->
                        new RobotState(
                            r, deliveries.findFirstByRobotIdOrderByIdDesc(r.id()).orElse(null)))
                .toList());
  }

  public RobotState get(CurrentUser user, long id) {
    requireAdmin(user);
    return tx.execute(
        s -> {
          Robot r = find(id);
          return new RobotState(r, deliveries.findFirstByRobotIdOrderByIdDesc(id).orElse(null));
        });
  }

  public Robot create(CurrentUser user, RobotInput input) {
    requireAdmin(user);
    RobotSettings s = checked(input, false);
    return tx.execute(
        st -> {
          Robot r =
              robots.save(new Robot(s, blankToNull(s.secret()), user.username(), clock.instant()));
          events.publishEvent(
              new RobotChanged(r.id(), r.name(), describe("created", r), user.username()));
          return r;
        });
  }

  public Robot update(CurrentUser user, long id, RobotInput input) {
    requireAdmin(user);
    RobotSettings s = checked(input, true);
    return tx.execute(
        st -> {
          Robot r = find(id);
          String secret = s.secret() == null ? r.secret() : blankToNull(s.secret());
          if (secret != null && !s.kind().signs()) {
            secret = null; // a platform that does not sign keeps no secret
          }
          r.change(s, secret, clock.instant());
          robots.save(r);
          events.publishEvent(
              new RobotChanged(r.id(), r.name(), describe("changed", r), user.username()));
          return r;
        });
  }

  public void delete(CurrentUser user, long id) {
    requireAdmin(user);
    tx.executeWithoutResult(
        st -> {
          Robot r = find(id);
          deliveries.deleteByRobotId(r.id());
          robots.delete(r);
          events.publishEvent(new RobotChanged(r.id(), r.name(), "deleted", user.username()));
        });
  }

  /**
   * Posts a test message now and says how it went: the administrator sees at once whether the
   * webhook, the secret and the platform's keyword or address rules let Qunbei in. Tried once.
   */
  public RobotDelivery test(CurrentUser user, long id) {
    requireAdmin(user);
    Long deliveryId =
        tx.execute(
            st -> {
              Robot r = find(id);
              String title = school("robot.test.title");
              return deliveries
                  .save(
                      new RobotDelivery(
                          r.id(),
                          null,
                          title,
                          school("robot.test.body", r.name()),
                          "/",
                          clock.instant()))
                  .id();
            });
    return dispatcher.deliverNow(deliveryId);
  }

  public List<Choice> departments() {
    return directory.all().stream().map(d -> new Choice(d.code(), d.name())).toList();
  }

  public List<Choice> steps() {
    return chain.all().stream().map(s -> new Choice(s.code(), stepName(s.code()))).toList();
  }

  String stepName(String code) {
    String key = "ReviewStep." + code;
    String name = messages.text(key);
    return name.equals(key) ? chain.step(code).map(s -> s.label()).orElse(code) : name;
  }

  private Robot find(long id) {
    return robots.findById(id).orElseThrow(() -> new NotFoundException("robot " + id));
  }

  private static void requireAdmin(CurrentUser user) {
    if (!user.has(Role.SYSTEM_ADMIN)) {
      throw new ForbiddenException("robot.notSystemAdmin");
    }
  }

  /** What the trail keeps of a robot: never its webhook's key nor its secret. */
  private static String describe(String what, Robot r) {
    return what
        + " "
        + r.kind()
        + " host="
        + URI.create(r.webhookUrl()).getHost()
        + " department="
        + (r.departmentCode() == null ? "*" : r.departmentCode())
        + " step="
        + (r.stepCode() == null ? "*" : r.stepCode())
        + (r.enabled() ? "" : " disabled")
        + (r.signed() ? " signed" : "");
  }

  private RobotSettings checked(RobotInput in, boolean update) {
    var v = new Violations();
    String name = strip(in.name());
    if (name == null) {
      v.add("name", "robot.name.required");
    } else if (name.length() > NAME_MAX) {
      v.add("name", "robot.name.tooLong", NAME_MAX);
    }
    RobotKind kind = null;
    String k = strip(in.kind());
    if (k == null) {
      v.add("kind", "robot.kind.unknown");
    } else {
      try {
        kind = RobotKind.valueOf(k.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException unknown) {
        v.add("kind", "robot.kind.unknown");
      }
    }
    String url = strip(in.url());
    String urlProblem = urlProblem(url);
    if (urlProblem != null) {
      v.add("url", urlProblem, URL_MAX);
    }
    String secret = in.secret() == null ? null : in.secret().strip();
    if (secret != null && secret.length() > SECRET_MAX) {
      v.add("secret", "robot.secret.tooLong", SECRET_MAX);
    } else if (secret != null && !secret.isEmpty() && kind != null && !kind.signs()) {
      v.add("secret", "robot.secret.notSigned");
    }
    String department = strip(in.department());
    if (department != null && directory.department(department).isEmpty()) {
      v.add("department", "robot.department.unknown");
    }
    String step = strip(in.step());
    if (step != null && chain.step(step).isEmpty()) {
      v.add("step", "robot.step.unknown");
    }
    v.throwIfAny();
    // A new robot without a secret field has none; a change without one keeps the stored one.
    String s = secret == null && !update ? "" : secret;
    return new RobotSettings(
        name, kind, url, s, department, step, in.enabled() == null || in.enabled());
  }

  /** Why the webhook address is refused, as a message code; null when it is fine. */
  private String urlProblem(String url) {
    if (url == null) {
      return "robot.url.required";
    }
    if (url.length() > URL_MAX) {
      return "robot.url.tooLong";
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return "robot.url.invalid";
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return "robot.url.scheme";
    }
    if (uri.getRawUserInfo() != null
        || uri.getRawAuthority() != null && uri.getRawAuthority().contains("@")) {
      return "robot.url.userInfo";
    }
    if (uri.getHost() == null || uri.getHost().isBlank() || uri.getRawFragment() != null) {
      return "robot.url.invalid";
    }
    return pointsAtItself(uri) ? "robot.url.self" : null;
  }

  /**
   * Whether the address is Qunbei's own: the public address's host and port, or the port this
   * application listens on at any address of this machine (localhost, 127.0.0.1, its own names).
   */
  private boolean pointsAtItself(URI uri) {
    String host = bare(uri.getHost());
    int port = portOf(uri);
    if (!links.configured().isEmpty()) {
      try {
        URI own = new URI(links.configured());
        if (own.getHost() != null
            && bare(own.getHost()).equalsIgnoreCase(host)
            && portOf(own) == port) {
          return true;
        }
      } catch (URISyntaxException ignored) {
        // a public address that is not one is the operator's to fix; nothing to compare here
      }
    }
    if (port != links.localPort()) {
      return false;
    }
    if (host.equalsIgnoreCase("localhost")
        || host.toLowerCase(Locale.ROOT).endsWith(".localhost")) {
      return true;
    }
    try {
      for (InetAddress a : InetAddress.getAllByName(host)) {
        if (a.isLoopbackAddress()
            || a.isAnyLocalAddress()
            || NetworkInterface.getByInetAddress(a) != null) {
          return true;
        }
      }
    } catch (java.io.IOException unresolved) {
      // A name that does not resolve here points nowhere yet, and not at this machine.
    }
    return false;
  }

  private static int portOf(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  private static String bare(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  private static String strip(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private String school(String code, Object... args) {
    return messages.textIn(Locale.SIMPLIFIED_CHINESE, code, args);
  }
}
