package org.qunbei.documents;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.qunbei.filing.CommitmentAcceptance;
import org.qunbei.filing.Filing;
import org.qunbei.filing.FilingContent;
import org.qunbei.filing.FilingService;
import org.qunbei.filing.FormField;
import org.qunbei.filing.FormFields;
import org.qunbei.filing.GroupQrCode;
import org.qunbei.filing.ReviewRecord;
import org.qunbei.filing.ReviewRouting;
import org.springframework.stereotype.Component;

/**
 * The digest of what a printout shows of its filing, printed beside the verification mark and
 * recomputed by the public page: sections 一 to 四 field by field over {@link FormFields} (so a new
 * field joins by itself), the header and the group's QR code with 一, and section 五's decisions of
 * the current round. Computed from the filing as stored — mobiles whole, whoever printed it — so
 * every printout of one version carries the same digest.
 *
 * <p>HMAC-SHA256 under the filing's own secret key ({@link Verifications#digestKey}) rather than a
 * bare SHA-256: the section digest of 二 covers mobiles that a masked printout shows as 138****0001,
 * and a public hash of them would give the four missing digits away to 10^4 tries.
 */
@Component
public class PrintDigests {

  /** Names the canonical form; a change of the form must change it (old printouts then differ). */
  private static final String FORM = "qunbei-printout-digest/1";

  private static final ZoneId SCHOOL = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final Verifications verifications;
  private final ReviewRouting review;
  private final FilingService filings;

  PrintDigests(Verifications verifications, ReviewRouting review, FilingService filings) {
    this.verifications = verifications;
    this.review = review;
    this.filings = filings;
  }

  /** A submitted filing's digests as they stand now (its verification code must exist). */
  public PrintDigest of(Filing filing) {
    return of(filing, review.recordOf(filing));
  }

  PrintDigest of(Filing f, List<ReviewRecord> records) {
    List<Printed.Approval> approvals =
        review.steps().stream()
            .map(
                s ->
                    new Printed.Approval(
                        s.code(), ReviewRecord.of(records, s.code(), f.round()).orElse(null)))
            .toList();
    String qr = filings.qrCode(f).map(GroupQrCode::content).orElse(null);
    var printed = new Printed(f.number(), f.filledOn(), f.content(), qr, f.acceptance(), approvals);
    return compute(verifications.digestKey(f.id()), printed);
  }

  /**
   * What the digest covers, as the printout shows it.
   *
   * @param groupQr the text the group's QR image decodes to, null without one
   * @param approvals one per configured step, in order, the decision of the current round or null
   */
  record Printed(
      String number,
      LocalDate filledOn,
      FilingContent content,
      String groupQr,
      CommitmentAcceptance acceptance,
      List<Approval> approvals) {

    record Approval(String step, ReviewRecord decision) {}
  }

  static PrintDigest compute(byte[] key, Printed printed) {
    Map<DigestSection, String> canonical = canonical(printed);
    var whole = new StringBuilder(FORM).append('\n');
    var sections = new EnumMap<DigestSection, String>(DigestSection.class);
    canonical.forEach(
        (section, text) -> {
          whole.append(section.name()).append('\n').append(text);
          sections.put(
              section,
              hmac(key, FORM + "/" + section.name() + "\n" + text)
                  .substring(0, PrintDigest.SECTION));
        });
    return new PrintDigest(hmac(key, whole.toString()).substring(0, PrintDigest.WHOLE), sections);
  }

  /**
   * One text per section, one line per value: {@code name=length:value}, the length (UTF-8 bytes)
   * keeping any text from passing for a line break and the next value. Fields the printout leaves
   * out (the "other" text of an unchosen "other", a long-term group's dissolve-by day, the steward
   * of a group without external members) are left out too, through {@link
   * FilingContent#normalized}; a team member on none of the paper's four rows is not printed
   * either.
   */
  static Map<DigestSection, String> canonical(Printed p) {
    var parts = new EnumMap<DigestSection, StringBuilder>(DigestSection.class);
    for (DigestSection s : DigestSection.values()) {
      parts.put(s, new StringBuilder());
    }
    line(parts.get(DigestSection.BASIC), "number", p.number());
    line(parts.get(DigestSection.BASIC), "filledOn", p.filledOn());
    line(parts.get(DigestSection.BASIC), "groupQr", p.groupQr());
    FilingContent c = p.content().normalized();
    for (FormField f : FormFields.ALL) {
      line(parts.get(DigestSection.of(f.section())), name(f), f.valueOf(c));
    }
    StringBuilder commitment = parts.get(DigestSection.COMMITMENT);
    CommitmentAcceptance a = p.acceptance();
    line(commitment, "acceptedBy", a == null ? null : a.name());
    line(commitment, "acceptedAt", a == null || a.at() == null ? null : at(a));
    StringBuilder approvals = parts.get(DigestSection.APPROVAL);
    for (Printed.Approval row : p.approvals()) {
      ReviewRecord d = row.decision();
      String step = "step[" + row.step() + "].";
      line(approvals, step + "decision", d == null ? null : d.decision());
      // "X 代 Y" for a delegate's decision; the name alone (as before) for everyone else's.
      line(approvals, step + "decider", d == null ? null : d.signedAs());
      line(approvals, step + "date", d == null ? null : LocalDate.ofInstant(d.decidedAt(), SCHOOL));
      line(approvals, step + "opinion", d == null ? null : d.opinion());
    }
    var texts = new EnumMap<DigestSection, String>(DigestSection.class);
    parts.forEach((s, b) -> texts.put(s, b.toString()));
    return texts;
  }

  /** A team field by its paper row ({@code team[ADMIN_1].mobile}): rows, not list positions. */
  private static String name(FormField f) {
    return f.slot() == null
        ? f.key()
        : "team[" + f.slot().name() + "]" + f.key().substring("team".length());
  }

  private static String at(CommitmentAcceptance a) {
    return MINUTE.format(a.at().atZone(SCHOOL));
  }

  private static void line(StringBuilder b, String name, Object value) {
    String v = text(value);
    b.append(name)
        .append('=')
        .append(v.getBytes(StandardCharsets.UTF_8).length)
        .append(':')
        .append(v)
        .append('\n');
  }

  /** An empty text and no text print alike; choices by name in the form's order. */
  private static String text(Object value) {
    if (value == null || value instanceof String s && s.isBlank()) {
      return "";
    }
    if (value instanceof Set<?> set) {
      return set.stream()
          .map(e -> (Enum<?>) e)
          .sorted(Comparator.comparingInt(Enum::ordinal))
          .map(Enum::name)
          .collect(Collectors.joining(","));
    }
    if (value instanceof Enum<?> e) {
      return e.name();
    }
    return value.toString();
  }

  private static String hmac(byte[] key, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return HexFormat.of()
          .withUpperCase()
          .formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
