package org.qunbei.shared;

import java.util.Locale;
import java.util.Set;

/**
 * What an upload's bytes are, read from the bytes themselves: PNG, JPEG, markup (SVG, HTML, XML —
 * text that a browser would run as a page) or something else; where the image's own end marker is
 * (IEND, EOI), so that anything hidden after it (a ZIP, a page, a script: a polyglot) is seen; and
 * whether the name and type the upload declared agree with the bytes.
 */
final class ImageBytes {

  static final String PNG = "image/png";
  static final String JPEG = "image/jpeg";

  private static final Set<String> PNG_NAMES = Set.of("png");
  private static final Set<String> JPEG_NAMES = Set.of("jpg", "jpeg", "jpe", "jfif");
  private static final Set<String> PNG_TYPES = Set.of(PNG, "image/x-png");
  private static final Set<String> JPEG_TYPES = Set.of(JPEG, "image/jpg", "image/pjpeg");

  private ImageBytes() {}

  /** {@code image/png}, {@code image/jpeg}, or null. */
  static String sniff(byte[] b) {
    if (b.length > 8
        && (b[0] & 0xff) == 0x89
        && b[1] == 'P'
        && b[2] == 'N'
        && b[3] == 'G'
        && b[4] == 13
        && b[5] == 10
        && b[6] == 26
        && b[7] == 10) {
      return PNG;
    }
    if (b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
      return JPEG;
    }
    return null;
  }

  /** Text that starts like SVG, HTML or any XML (after a byte-order mark and white space). */
  static boolean isMarkup(byte[] b) {
    int i = 0;
    if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
      i = 3;
    } else if (b.length >= 2
        && (((b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF)
            || ((b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE))) {
      return true; // UTF-16 text: no image starts so
    }
    while (i < b.length && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) {
      i++;
    }
    return i < b.length && b[i] == '<';
  }

  /**
   * Where the image ends: just after PNG's IEND chunk or JPEG's EOI marker, walking the file's own
   * structure (chunk lengths, segment lengths, the entropy-coded scans); -1 when it never ends.
   */
  static int end(byte[] b, String type) {
    return PNG.equals(type) ? pngEnd(b) : jpegEnd(b);
  }

  private static int pngEnd(byte[] b) {
    long i = 8;
    while (i + 12 <= b.length) {
      long length = u32(b, (int) i);
      boolean iend =
          b[(int) i + 4] == 'I'
              && b[(int) i + 5] == 'E'
              && b[(int) i + 6] == 'N'
              && b[(int) i + 7] == 'D';
      i += 12 + length;
      if (iend) {
        return i <= b.length ? (int) i : -1;
      }
    }
    return -1;
  }

  private static int jpegEnd(byte[] b) {
    int i = 2;
    while (i < b.length) {
      if ((b[i] & 0xff) != 0xFF) {
        return -1;
      }
      while (i < b.length && (b[i] & 0xff) == 0xFF) {
        i++; // fill bytes before a marker
      }
      if (i >= b.length) {
        return -1;
      }
      int marker = b[i++] & 0xff;
      if (marker == 0xD9) {
        return i;
      }
      if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
        continue; // markers that stand alone
      }
      if (i + 2 > b.length) {
        return -1;
      }
      int length = ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
      if (length < 2) {
        return -1;
      }
      i += length;
      if (marker == 0xDA) {
        i = afterScan(b, i);
      }
    }
    return -1;
  }

  /** The scan's coded data runs to the next marker that is neither a stuffed 0 nor a restart. */
  private static int afterScan(byte[] b, int i) {
    while (i + 1 < b.length) {
      if ((b[i] & 0xff) == 0xFF) {
        int next = b[i + 1] & 0xff;
        if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
          i += 2;
          continue;
        }
        if (next != 0xFF) {
          return i;
        }
      }
      i++;
    }
    return b.length;
  }

  /** True when something other than zero padding follows the image's end. */
  static boolean hasTrailer(byte[] b, int end) {
    for (int i = end; i < b.length; i++) {
      if (b[i] != 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * What the upload said it was, when that is not what its bytes are: a name whose extension is not
   * the sniffed type's, or a content type naming another one ({@code application/octet-stream} and
   * no name or type say nothing). Null when they agree.
   */
  static String disagreement(String type, String declaredType, String fileName) {
    if (fileName != null && !fileName.isBlank()) {
      String name = fileName.strip();
      int dot = name.lastIndexOf('.');
      String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
      if (dot >= 0 && !(PNG.equals(type) ? PNG_NAMES : JPEG_NAMES).contains(ext)) {
        return shorten(name);
      }
    }
    if (declaredType != null && !declaredType.isBlank()) {
      String declared = declaredType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
      if (!declared.equals("application/octet-stream")
          && !(PNG.equals(type) ? PNG_TYPES : JPEG_TYPES).contains(declared)) {
        return shorten(declared);
      }
    }
    return null;
  }

  private static String shorten(String s) {
    String t = s.replace('\\', '/');
    t = t.substring(t.lastIndexOf('/') + 1);
    return t.length() > 60 ? t.substring(t.length() - 60) : t;
  }

  private static long u32(byte[] b, int i) {
    return ((long) (b[i] & 0xff) << 24)
        | ((b[i + 1] & 0xff) << 16)
        | ((b[i + 2] & 0xff) << 8)
        | (b[i + 3] & 0xff);
  }
}
