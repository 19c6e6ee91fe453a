package org.qunbei.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A group robot's webhook on a random local port (the JDK's own HTTP server): it keeps what it was
 * sent and answers as told — like the platforms, a refusal can be an HTTP error, an error code in a
 * 200 answer, or no answer at all.
 */
public final class FakeWebhook implements AutoCloseable {

  public enum Mode {
    /** 200 {"errcode":0,"errmsg":"ok","code":0}. */
    OK,
    /** 500. */
    FAIL,
    /** 200 with the platform's own error: {"errcode":93000,…}. */
    ERRCODE,
    /** Takes the request and never answers (until the mode changes or the server stops). */
    HANG
  }

  /** One request as it arrived. */
  public record Received(String method, String path, String query, String body) {}

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private volatile Mode mode = Mode.OK;
  private volatile CountDownLatch hanging = new CountDownLatch(1);

  private FakeWebhook() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  public static FakeWebhook start() {
    try {
      return new FakeWebhook();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public String url(String pathAndQuery) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
  }

  public void mode(Mode next) {
    this.mode = next;
    // Whatever hung so far is let go.
    CountDownLatch was = hanging;
    hanging = new CountDownLatch(1);
    was.countDown();
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  public void clear() {
    received.clear();
  }

  /** Waits until at least {@code n} requests arrived. */
  public List<Received> await(int n, Duration within) throws InterruptedException {
    long until = System.nanoTime() + within.toNanos();
    while (received.size() < n && System.nanoTime() < until) {
      Thread.sleep(20);
    }
    return received();
  }

  private void handle(HttpExchange x) throws IOException {
    String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    received.add(
        new Received(
            x.getRequestMethod(),
            x.getRequestURI().getPath(),
            x.getRequestURI().getRawQuery(),
            body));
    Mode now = mode;
    if (now == Mode.HANG) {
      try {
        hanging.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    int status = now == Mode.FAIL ? 500 : 200;
    String answer =
        switch (now) {
          case OK, HANG -> "{\"errcode\":0,\"errmsg\":\"ok\",\"code\":0}";
          case FAIL -> "{\"error\":\"internal\"}";
          case ERRCODE -> "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}";
        };
    byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
    try {
      x.getResponseHeaders().set("Content-Type", "application/json");
      x.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = x.getResponseBody()) {
        out.write(bytes);
      }
    } catch (IOException clientGone) {
      // The sender gave up waiting (its timeout): nothing to answer.
    } finally {
      x.close();
    }
  }

  @Override
  public void close() {
    mode(Mode.OK);
    server.stop(0);
    threads.shutdownNow();
  }
}
