package org.qunbei.registry.jobs;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An export's filters kept with its job as a query string (already checked when the export was
 * started), so that a node taking the job over exports what was asked. Paging is not kept: an
 * export takes every row the filters find.
 */
final class ExportRequest {

  private static final List<String> KEPT = List.of("q", "department", "type", "status", "sort");

  private ExportRequest() {}

  static String encode(Map<String, String> params) {
    var b = new StringBuilder();
    for (String key : KEPT) {
      String value = params.get(key);
      if (value != null && !value.isBlank()) {
        b.append(b.isEmpty() ? "" : "&")
            .append(key)
            .append('=')
            .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
      }
    }
    // The text filter is at most a few hundred characters; cut, it would export something else.
    return b.length() > 2000 ? null : b.toString();
  }

  static Map<String, String> decode(String request) {
    Map<String, String> params = new LinkedHashMap<>();
    if (request == null || request.isEmpty()) {
      return params;
    }
    for (String pair : request.split("&")) {
      int at = pair.indexOf('=');
      params.put(
          pair.substring(0, at), URLDecoder.decode(pair.substring(at + 1), StandardCharsets.UTF_8));
    }
    return params;
  }
}
