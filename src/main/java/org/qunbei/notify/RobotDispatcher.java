package org.qunbei.notify;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Posts the robots' due messages, on the scheduler and never on a request: a post is claimed in a
 * transaction of its own (the row's version lets one node win), then sent outside any transaction
 * with short connect and answer timeouts, all of a round at once, and marked sent or failed. A
 * webhook that fails, refuses (a platform's error code in a 200 answer) or hangs is tried again
 * after 1, 2, 4 … minutes; no decision ever waits for one.
 */
@Component
public class RobotDispatcher {

  private static final Logger log = LoggerFactory.getLogger(RobotDispatcher.class);

  private final RobotDeliveries deliveries;
  private final Robots robots;
  private final RobotFormats formats;
  private final PublicLinks links;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final Duration lease;
  private final Duration answerTimeout;
  private final Duration connectTimeout;
  private final HttpClient http;

  RobotDispatcher(
      RobotDeliveries deliveries,
      Robots robots,
      RobotFormats formats,
      PublicLinks links,
      TransactionTemplate tx,
      Clock clock,
      @Value("${qunbei.robots.lease:PT1M}") Duration lease,
      @Value("${qunbei.robots.connect-timeout:PT5S}") Duration connectTimeout,
      @Value("${qunbei.robots.read-timeout:PT5S}") Duration answerTimeout) {
    this.deliveries = deliveries;
    this.robots = robots;
    this.formats = formats;
    this.links = links;
    this.tx = tx;
    this.clock = clock;
    this.lease = lease;
    this.connectTimeout = connectTimeout;
    this.answerTimeout = answerTimeout;
    // Never follows a redirect: a webhook could otherwise lead the post to an address the
    // administrator's checks refused (this server itself).
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** Posts what is due now; returns how many the platforms took. */
  @Scheduled(
      fixedDelayString = "${qunbei.robots.interval:PT10S}",
      initialDelayString = "${qunbei.robots.interval:PT10S}")
  public int sendDue() {
    return sendDue(clock.instant());
  }

  /** Posts what is due at the given time (tests move time forward to reach a retry). */
  int sendDue(Instant now) {
    List<RobotDelivery> claimed = new ArrayList<>();
    for (RobotDelivery due :
        deliveries.findTop20ByStatusInAndNextAttemptAtLessThanEqualOrderByIdAsc(
            EnumSet.of(DeliveryStatus.PENDING, DeliveryStatus.SENDING), now)) {
      RobotDelivery d = claim(due.id(), now);
      if (d != null) {
        claimed.add(d);
      }
    }
    return post(claimed, now);
  }

  /** Posts one message now (the administrator's test) and returns it as it then stands. */
  RobotDelivery deliverNow(long id) {
    Instant now = clock.instant();
    RobotDelivery d = claim(id, now);
    if (d != null) {
      post(List.of(d), now);
    }
    return deliveries.findById(id).orElseThrow();
  }

  private RobotDelivery claim(Long id, Instant now) {
    try {
      return tx.execute(
          status -> {
            RobotDelivery d = deliveries.findById(id).orElse(null);
            if (d == null || !d.due(now)) {
              return null;
            }
            d.claim(now.plus(lease));
            return d;
          });
    } catch (ConcurrencyFailureException another) {
      return null;
    }
  }

  /** Sends the claimed posts side by side, so that one hanging webhook holds the round ~5 s. */
  private int post(List<RobotDelivery> claimed, Instant now) {
    Map<RobotDelivery, CompletableFuture<String>> sent = new LinkedHashMap<>();
    for (RobotDelivery d : claimed) {
      sent.put(d, send(d, now));
    }
    int ok = 0;
    long budget = connectTimeout.plus(answerTimeout).plusSeconds(2).toMillis();
    long until = System.currentTimeMillis() + budget;
    for (var e : sent.entrySet()) {
      String failure;
      try {
        failure =
            e.getValue()
                .get(Math.max(1, until - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
      } catch (TimeoutException hung) {
        e.getValue().cancel(true);
        failure = "no answer within " + answerTimeout.toSeconds() + " s";
      } catch (ExecutionException failed) {
        failure = reason(failed.getCause());
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        failure = "interrupted";
      }
      if (failure == null) {
        ok++;
        mark(e.getKey().id(), d -> d.sent(clock.instant()));
      } else {
        failed(e.getKey(), failure, now);
      }
    }
    return ok;
  }

  /** The post in flight; completes with null when the platform took it, or why it did not. */
  private CompletableFuture<String> send(RobotDelivery d, Instant now) {
    Robot robot = robots.findById(d.robotId()).orElse(null);
    if (robot == null || !robot.enabled()) {
      return CompletableFuture.completedFuture(robot == null ? "robot deleted" : "robot disabled");
    }
    try {
      RobotFormats.Post post =
          formats.post(
              robot, d.title(), d.body(), d.link() == null ? null : links.absolute(d.link()), now);
      HttpRequest request =
          HttpRequest.newBuilder(post.uri())
              .timeout(answerTimeout)
              .header("Content-Type", "application/json; charset=utf-8")
              .POST(HttpRequest.BodyPublishers.ofString(post.body()))
              .build();
      return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
          .thenApply(r -> formats.failure(r.statusCode(), r.body()));
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(reason(e));
    }
  }

  private void failed(RobotDelivery d, String error, Instant now) {
    log.warn("Robot post {} failed (attempt {}): {}", d.id(), d.attempts() + 1, error);
    // A test message (no filing) is tried once: the administrator reads the answer on the page.
    int max = d.filingId() == null ? RobotDelivery.TEST_ATTEMPTS : RobotDelivery.MAX_ATTEMPTS;
    try {
      mark(d.id(), current -> current.failed(error, now, max));
    } catch (RuntimeException unrecorded) {
      // The claim's lease runs out and another round posts it.
      log.warn("Could not record the failed robot post {}: {}", d.id(), unrecorded.getMessage());
    }
  }

  private void mark(Long id, java.util.function.Consumer<RobotDelivery> change) {
    tx.executeWithoutResult(status -> deliveries.findById(id).ifPresent(change));
  }

  private static String reason(Throwable e) {
    if (e instanceof java.net.http.HttpTimeoutException) {
      return "no answer in time: " + e.getMessage();
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }
}
