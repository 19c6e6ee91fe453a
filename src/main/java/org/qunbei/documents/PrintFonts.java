package org.qunbei.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.springframework.core.io.ClassPathResource;

/**
 * The embedded fonts, prepared once. Noto Sans SC maps each Kangxi/CJK radical (U+2E80–U+2FDF) to
 * the same glyph as its ideograph (⼯ and 工); the PDF's text layer names each glyph by its first
 * code point, so copied or searched text would come out as radicals. The radicals' ranges are moved
 * out to a private-use plane in the fonts' format-12 cmaps, leaving each glyph named by its
 * ideograph. Drawing is unchanged.
 */
final class PrintFonts {

  static final int RADICALS_FROM = 0x2E80;
  static final int RADICALS_TO = 0x2FDF;
  static final int PRIVATE_PLANE = 0xF0000;

  private PrintFonts() {}

  static InputStream regular() {
    return new ByteArrayInputStream(Holder.REGULAR);
  }

  static InputStream bold() {
    return new ByteArrayInputStream(Holder.BOLD);
  }

  /** The two weights, parsed: what one render lays out and subsets from. */
  record Parsed(TrueTypeFont regular, TrueTypeFont bold) {}

  /**
   * Parsing the two 10 MB fonts took most of a render's time, so parsed fonts are kept and reused.
   * A parsed font reads its glyphs through one cursor and cannot serve two renders at once: each
   * render borrows a pair, and at most two pairs exist (one per core, up to two), which bounds how
   * many PDFs are laid out at once (rendering is CPU-bound; more would only queue on the cores). A
   * parsed pair holds some 50 MB, so idle pairs are kept softly: the collector takes them back
   * before the heap runs short, and the next print parses again.
   */
  static <T> T borrow(java.util.function.Function<Parsed, T> render) {
    try {
      Pool.PERMITS.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to print", e);
    }
    Parsed fonts = null;
    try {
      for (var idle = Pool.IDLE.poll(); idle != null && fonts == null; idle = Pool.IDLE.poll()) {
        fonts = idle.get();
      }
      if (fonts == null) {
        fonts = new Parsed(parse(Holder.REGULAR), parse(Holder.BOLD));
      }
      return render.apply(fonts);
    } finally {
      if (fonts != null) {
        Pool.IDLE.add(new java.lang.ref.SoftReference<>(fonts));
      }
      Pool.PERMITS.release();
    }
  }

  private static final class Pool {
    static final int SIZE = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
    static final java.util.concurrent.Semaphore PERMITS = new java.util.concurrent.Semaphore(SIZE);
    static final java.util.Queue<java.lang.ref.SoftReference<Parsed>> IDLE =
        new java.util.concurrent.ConcurrentLinkedQueue<>();
  }

  private static TrueTypeFont parse(byte[] ttf) {
    try {
      return new TTFParser().parse(new RandomAccessReadBuffer(ttf));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loaded on first print, not at start-up: some 20 MB that most requests never need. */
  private static final class Holder {
    static final byte[] REGULAR = prepared("fonts/NotoSansSC_400Regular.ttf");
    static final byte[] BOLD = prepared("fonts/NotoSansSC_700Bold.ttf");
  }

  private static byte[] prepared(String path) {
    try (InputStream in = new ClassPathResource(path).getInputStream()) {
      return withoutSubstitutions(withoutRadicals(in.readAllBytes()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The font with its radical code points moved to the private plane (format-12 cmaps only). */
  static byte[] withoutRadicals(byte[] ttf) {
    byte[] copy = ttf.clone();
    ByteBuffer b = ByteBuffer.wrap(copy);
    int cmap = tableOffset(b, "cmap");
    if (cmap < 0) {
      return copy;
    }
    int subtables = b.getShort(cmap + 2) & 0xffff;
    for (int i = 0; i < subtables; i++) {
      int base = cmap + b.getInt(cmap + 4 + 8 * i + 4);
      if ((b.getShort(base) & 0xffff) == 12) {
        moveRadicals(b, base);
      }
    }
    return copy;
  }

  private static void moveRadicals(ByteBuffer b, int subtable) {
    long groups = b.getInt(subtable + 12) & 0xffffffffL;
    for (int g = 0; g < groups; g++) {
      int at = subtable + 16 + 12 * g;
      long start = b.getInt(at) & 0xffffffffL;
      long end = b.getInt(at + 4) & 0xffffffffL;
      // Two cmap records may share one subtable: move each group once.
      if (start >= RADICALS_FROM && end <= RADICALS_TO) {
        b.putInt(at, (int) (PRIVATE_PLANE + start - RADICALS_FROM));
        b.putInt(at + 4, (int) (PRIVATE_PLANE + end - RADICALS_FROM));
      }
    }
  }

  /**
   * Hides the glyph-substitution table (GSUB) from PDFBox by renaming its tag, which leaves the
   * table directory sorted. PDFBox ran Latin ligature rules over every line of Chinese text, a
   * sixth of a render; the form needs none of the font's substitutions (horizontal Simplified
   * Chinese uses the default glyphs).
   */
  static byte[] withoutSubstitutions(byte[] ttf) {
    ByteBuffer b = ByteBuffer.wrap(ttf);
    int record = tableRecord(b, "GSUB");
    if (record >= 0) {
      b.put(record + 3, (byte) 'b');
    }
    return ttf;
  }

  private static int tableOffset(ByteBuffer b, String tag) {
    int record = tableRecord(b, tag);
    return record < 0 ? -1 : b.getInt(record + 8);
  }

  private static int tableRecord(ByteBuffer b, String tag) {
    int tables = b.getShort(4) & 0xffff;
    for (int i = 0; i < tables; i++) {
      int record = 12 + 16 * i;
      byte[] name = new byte[4];
      b.get(record, name);
      if (new String(name, StandardCharsets.US_ASCII).equals(tag)) {
        return record;
      }
    }
    return -1;
  }
}
