package org.qunbei.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.qunbei.shared.UploadFields;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps API request bodies before anything reads them: JSON bodies are small (the longest filing is
 * some tens of KB), QR images at most 2 MB, an import sheet (the registry's or HR's staff file) at
 * most 10 MB. A declared length over the cap is refused at once with 413; an undeclared one is cut
 * off while being read.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiBodyLimit extends OncePerRequestFilter {

  private final Messages messages;

  ApiBodyLimit(Messages messages) {
    this.messages = messages;
  }

  static final long JSON_LIMIT = 256 * 1024;
  static final long UPLOAD_LIMIT = 2 * 1024 * 1024 + 64 * 1024;
  static final long IMPORT_LIMIT = 10 * 1024 * 1024;

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    UploadFields.Upload upload = UploadFields.of(request);
    long limit = limit(upload);
    if (request.getContentLengthLong() > limit) {
      response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      response.setContentType("application/problem+json;charset=UTF-8");
      response.setHeader("Connection", "close");
      // An upload's refusal names it (群二维码：…), as every other refusal of a field does.
      String body =
          upload == null
              ? messages.problemJson(
                  request, 413, "problem.tooLarge.title", "problem.tooLarge.detail", limit / 1024)
              : messages.problemJson(request, 413, "problem.tooLarge.title", upload.tooLarge());
      response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
      return;
    }
    chain.doFilter(new Limited(request, limit), response);
  }

  /** A JSON body, an image (the domain's 2 MB and the request's framing) or an import sheet. */
  static long limit(UploadFields.Upload upload) {
    if (upload == null) {
      return JSON_LIMIT;
    }
    return upload.limitKb() >= UploadFields.SHEET_KB ? IMPORT_LIMIT : UPLOAD_LIMIT;
  }

  private static final class Limited extends HttpServletRequestWrapper {
    private final long limit;
    private ServletInputStream stream;

    Limited(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new Counting(super.getInputStream(), limit);
      }
      return stream;
    }
  }

  private static final class Counting extends ServletInputStream {
    private final ServletInputStream in;
    private final long limit;
    private long count;

    Counting(ServletInputStream in, long limit) {
      this.in = in;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = in.read(buf, off, len);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws BodyTooLargeException {
      count += n;
      if (count > limit) {
        throw new BodyTooLargeException(limit);
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
