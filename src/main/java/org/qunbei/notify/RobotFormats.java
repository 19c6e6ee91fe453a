package org.qunbei.notify;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Each platform's own message format and signature, and how each says it refused a message (with an
 * error code in a 200 answer):
 *
 * <ul>
 *   <li>企业微信: {@code {"msgtype":"markdown","markdown":{"content":…}}}; an answer's {@code errcode}
 *       other than 0 is a refusal.
 *   <li>钉钉: {@code {"msgtype":"markdown","markdown":{"title":…,"text":…}}}; with a secret (加签) the
 *       address gets {@code timestamp} (ms) and {@code sign} = urlencode(base64(HmacSHA256(key =
 *       secret, timestamp + "\n" + secret))); {@code errcode} other than 0 is a refusal.
 *   <li>飞书: {@code {"msg_type":"text","content":{"text":…}}}; with a secret (签名校验) the body gets
 *       {@code timestamp} (s) and {@code sign} = base64(HmacSHA256(key = timestamp + "\n" + secret,
 *       "")); {@code code} (or the older {@code StatusCode}) other than 0 is a refusal.
 * </ul>
 */
@Component
class RobotFormats {

  /** WeCom's markdown content may be 4096 bytes; the others take more. Kept well inside. */
  static final int TEXT_MAX = 1500;

  private final JsonMapper json;

  RobotFormats(JsonMapper json) {
    this.json = json;
  }

  /** The address and JSON body of a post. */
  record Post(URI uri, String body) {}

  Post post(Robot robot, String title, String text, String link, Instant now) {
    String body = text.length() > TEXT_MAX ? text.substring(0, TEXT_MAX) + "…" : text;
    ObjectNode root = json.createObjectNode();
    String url = robot.webhookUrl();
    switch (robot.kind()) {
      case WECOM -> {
        root.put("msgtype", "markdown");
        root.putObject("markdown")
            .put("content", "**" + md(title) + "**\n" + md(body) + "\n" + mdLink(link));
      }
      case DINGTALK -> {
        root.put("msgtype", "markdown");
        root.putObject("markdown")
            .put("title", title)
            .put(
                "text",
                "#### "
                    + md(title)
                    + "\n\n"
                    + md(body).replace("\n", "\n\n")
                    + "\n\n"
                    + mdLink(link));
        if (robot.signed()) {
          long ts = now.toEpochMilli();
          String sign = base64(hmac(robot.secret(), ts + "\n" + robot.secret()));
          url +=
              (url.contains("?") ? "&" : "?")
                  + "timestamp="
                  + ts
                  + "&sign="
                  + URLEncoder.encode(sign, StandardCharsets.UTF_8);
        }
      }
      case FEISHU -> {
        if (robot.signed()) {
          long ts = now.getEpochSecond();
          root.put("timestamp", String.valueOf(ts));
          root.put("sign", base64(hmac(ts + "\n" + robot.secret(), "")));
        }
        root.put("msg_type", "text");
        root.putObject("content")
            .put("text", title + "\n" + body + (link == null ? "" : "\n" + link));
      }
    }
    return new Post(URI.create(url), json.writeValueAsString(root));
  }

  /**
   * Why the platform did not take the message, or null when it did: an HTTP status other than 2xx,
   * or the platform's own error code in a 2xx answer ({@code {"errcode":93000,…}}).
   */
  String failure(int status, String answer) {
    String shown = answer == null ? "" : answer.strip();
    if (shown.length() > 300) {
      shown = shown.substring(0, 300) + "…";
    }
    if (status < 200 || status >= 300) {
      return "HTTP " + status + (shown.isEmpty() ? "" : ": " + shown);
    }
    if (shown.isEmpty() || !shown.startsWith("{")) {
      return null;
    }
    JsonNode node;
    try {
      node = json.readTree(answer);
    } catch (RuntimeException notJson) {
      return null;
    }
    for (String field : new String[] {"errcode", "code", "StatusCode"}) {
      JsonNode code = node.get(field);
      if (code != null && !code.isNull() && code.asLong(0) != 0) {
        return field + " " + code.asString() + ": " + shown;
      }
    }
    return null;
  }

  private static String mdLink(String link) {
    return link == null ? "" : "[" + link + "](" + link + ")";
  }

  /**
   * What people typed (a group's name, an opinion) cannot make links, headings or colours: the
   * characters the platforms' markdown reads are written as their full-width forms.
   */
  static String md(String s) {
    if (s == null) {
      return "";
    }
    return s.replace("[", "［")
        .replace("]", "］")
        .replace("(", "（")
        .replace(")", "）")
        .replace("*", "＊")
        .replace("`", "｀")
        .replace("<", "＜")
        .replace(">", "＞")
        .replace("#", "＃")
        .replace("_", "＿")
        .replace("~", "～");
  }

  private static byte[] hmac(String key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
