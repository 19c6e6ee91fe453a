package org.qunbei.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which upload a request carries, told by its path alone: a body refused for its size is refused
 * before any controller reads it, yet the refusal must still name the field (群二维码、签名图片…). The
 * limits are those the domain applies (images) and the import sheets' (10 MB).
 */
public final class UploadFields {

  /** An upload: its field as the API names it, the message code of its label, its limit in KB. */
  public record Upload(String field, String label, long limitKb) {

    /** The 413's one violation: 群二维码：上传的文件过大，不能超过 2048 KB. */
    public Violations tooLarge() {
      return new Violations()
          .add(
              field,
              "upload.refused",
              new org.springframework.context.support.DefaultMessageSourceResolvable(
                  new String[] {label}, label),
              new org.springframework.context.support.DefaultMessageSourceResolvable(
                  new String[] {"upload.tooLarge"}, new Object[] {limitKb}, "upload.tooLarge"));
    }
  }

  private record Route(Pattern path, Upload upload) {}

  public static final long IMAGE_KB = 2 * 1024;
  public static final long SHEET_KB = 10 * 1024;

  private static final List<Route> ROUTES =
      List.of(
          route("(/api)?/filings/[^/]+/qr-code", "qrCode", "field.qrCode", IMAGE_KB),
          route("/api/me/signature|/account/signature", "signature", "field.signature", IMAGE_KB),
          route("/api/stamps/[^/]+|/admin/stamps/[^/]+", "stamp", "field.stamp", IMAGE_KB),
          route("(/api)?/registry/imports?", "file", "upload.field.paperSheet", SHEET_KB),
          route("(/api)?/admin/staff-imports", "file", "staff.file", SHEET_KB),
          route("/admin/calendar", "file", "upload.field.calendar", SHEET_KB));

  private UploadFields() {}

  private static Route route(String path, String field, String label, long kb) {
    return new Route(Pattern.compile(path), new Upload(field, label, kb));
  }

  /** The upload this request's path takes, or null for a path that takes none. */
  public static Upload of(HttpServletRequest request) {
    return of(request.getRequestURI().substring(request.getContextPath().length()));
  }

  /** The upload a path (without the context path) takes, or null. */
  public static Upload of(String path) {
    for (Route r : ROUTES) {
      if (r.path().matcher(path).matches()) {
        return r.upload();
      }
    }
    return null;
  }
}
