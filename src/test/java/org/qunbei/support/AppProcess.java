package org.qunbei.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application ({@code target/qunbei.jar}) as a process of its own, so that a test can
 * kill it as the operating system would (SIGKILL) and start it again on the same database.
 */
public final class AppProcess {

  private final Path jar;
  private final List<String> args;
  private final Path log;
  private final List<String> jvm;
  private final int port;
  private Process process;

  public AppProcess(Path jar, Path log, List<String> args) {
    // A small heap and the quick compiler only: the tests' nodes start fast and serve little.
    // Their accounts are hashed at bcrypt's least cost, as in every other test (TestDatabases).
    this(jar, log, testNode(args), List.of("-Xmx320m", "-XX:TieredStopAtLevel=1"));
  }

  private static List<String> testNode(List<String> args) {
    var all = new ArrayList<>(List.of("--qunbei.security.password-hash-cost=4"));
    all.addAll(args);
    return all;
  }

  /** With JVM options of the caller's instead, e.g. a server's heap and both compilers. */
  public AppProcess(Path jar, Path log, List<String> args, List<String> jvm) {
    this.jar = jar;
    this.log = log;
    this.args = args;
    this.jvm = jvm;
    this.port = freePort();
  }

  public int port() {
    return port;
  }

  /** Starts the application and waits until its health endpoint answers; returns the wait. */
  public Duration start(Duration timeout) {
    String java = ProcessHandle.current().info().command().orElse("java");
    var command = new ArrayList<>(List.of(java));
    command.addAll(jvm);
    command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port));
    command.addAll(args);
    try {
      Files.createDirectories(log.getParent());
      long t0 = System.nanoTime();
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      awaitHealthy(timeout);
      return Duration.ofNanos(System.nanoTime() - t0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed by the application. */
  public void kill() {
    process.destroyForcibly();
    waitFor();
  }

  /** SIGTERM: the orderly shutdown an operator's service manager sends. */
  public void stop() {
    process.destroy();
    waitFor();
  }

  /** The operating system's id of the running process. */
  public long pid() {
    return process.pid();
  }

  public boolean alive() {
    return process != null && process.isAlive();
  }

  private void waitFor() {
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void awaitHealthy(Duration timeout) {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + timeout.toNanos();
    var health =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
            .timeout(Duration.ofSeconds(5))
            .build();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the application exited on start; see " + log);
      }
      try {
        if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      sleep(100);
    }
    throw new IllegalStateException("the application did not start within " + timeout);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() {
    try (var s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
