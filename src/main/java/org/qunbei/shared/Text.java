package org.qunbei.shared;

/**
 * What no text column should keep: a NUL or another control character (tab and line breaks aside),
 * DEL, a C1 control (U+0080 to U+009F: no one types them, and a terminal or a spreadsheet may act
 * on them), or half of a UTF-16 pair. PostgreSQL refuses a NUL, H2 stores it, MariaDB cuts at it —
 * so every way text comes in checks it here.
 */
public final class Text {

  private Text() {}

  public static boolean storable(String s) {
    return s == null || firstUnstorable(s) < 0;
  }

  /** The text without such characters (a page form's input, which no one can see them in). */
  public static String cleaned(String s) {
    if (storable(s)) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        out.append(c).append(s.charAt(++i));
      } else if (!bad(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static int firstUnstorable(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return i;
        }
        i++;
      } else if (bad(c)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean bad(char c) {
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
        || (c >= 0x7f && c <= 0x9f)
        || Character.isSurrogate(c);
  }
}
