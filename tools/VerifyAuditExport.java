import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Qunbei's offline check of an audit export (审计链离线校验), with nothing but a JDK 17+:
 *
 * <pre>
 *   java tools/VerifyAuditExport.java --key audit-key.pem export.txt [earlier-export.txt ...]
 *   java -cp bcprov-jdk18on.jar tools/VerifyAuditExport.java --key sm2-key.pem export.txt   (SM2)
 * </pre>
 *
 * <p>It checks that every checkpoint is signed by the pinned public key (the auditor keeps the PEM
 * from the day the school set the key, not the one inside the file), that the events' links form
 * one unbroken chain from where the export begins to its head, that each checkpoint's place holds
 * the hash that was signed, and that every checkpoint of an earlier export the auditor kept is still
 * in the new one unchanged — so a trail rewritten after an export is caught. Exit 0: intact; 1:
 * broken (the first problem is printed); 2: the command was used wrongly.
 *
 * <p>The export, one record a line: {@code qunbei-audit-export 1}, {@code algorithm A}, {@code key
 * BASE64-DER}, {@code keyid ID}, {@code exported T}, {@code first SEQ PREV}, {@code head SEQ HASH},
 * {@code checkpoint SEQ HASH TIME ALG KEYID SIG}..., {@code event SEQ PREV HASH}..., {@code end N}.
 * A checkpoint signs the UTF-8 text {@code qunbei-audit-checkpoint|1|SEQ|HASH|TIME}.
 */
public class VerifyAuditExport {

  record Checkpoint(long seq, String hash, String at, String alg, String keyId, String sig) {}

  record Export(
      Path file,
      String algorithm,
      byte[] key,
      long firstSeq,
      String firstPrev,
      long headSeq,
      String headHash,
      List<Checkpoint> checkpoints,
      Map<Long, String> events,
      String chainProblem) {}

  public static void main(String[] args) throws Exception {
    List<Path> keys = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--key") && i + 1 < args.length) {
        keys.add(Path.of(args[++i]));
      } else if (args[i].startsWith("-")) {
        usage();
      } else {
        files.add(Path.of(args[i]));
      }
    }
    if (files.isEmpty()) {
      usage();
    }
    Export current = read(files.get(0));
    List<byte[]> pinned = new ArrayList<>();
    for (Path k : keys) {
      pinned.add(pem(Files.readString(k, StandardCharsets.US_ASCII)));
    }
    if (pinned.isEmpty()) {
      System.out.println("注意：未指定 --key，使用导出文件自带的公钥（请用学校留存的公钥文件核对）");
      System.out.println("Note: no --key given; the export's own key is used (pin the school's key)");
      pinned.add(current.key());
    }
    String problem = check(current, pinned);
    for (int i = 1; problem == null && i < files.size(); i++) {
      problem = compare(read(files.get(i)), current, pinned);
    }
    if (problem != null) {
      System.out.println("审计链被破坏 (BROKEN): " + problem);
      System.exit(1);
    }
    System.out.printf(
        "审计链完整 (INTACT): 事件 %d–%d 共 %d 条，签名检查点 %d 个（%s，公钥 %s）%n",
        current.firstSeq(),
        current.headSeq(),
        current.events().size(),
        current.checkpoints().size(),
        current.algorithm(),
        keyId(pinned.get(0)));
  }

  static String check(Export e, List<byte[]> pinned) throws Exception {
    if (e.chainProblem() != null) {
      return e.chainProblem();
    }
    for (Checkpoint c : e.checkpoints()) {
      String bad = signature(c, pinned);
      if (bad != null) {
        return bad;
      }
      if (c.seq() > e.headSeq()) {
        return "checkpoint " + c.seq() + " lies beyond the head " + e.headSeq() + ": events were cut";
      }
      if (c.seq() >= e.firstSeq() && !c.hash().equals(e.events().get(c.seq()))) {
        return "event " + c.seq() + " differs from its signed checkpoint: the trail was rewritten";
      }
    }
    return null;
  }

  /** Every checkpoint the auditor exported before must be in the new export as it was. */
  static String compare(Export earlier, Export current, List<byte[]> pinned) throws Exception {
    for (Checkpoint c : earlier.checkpoints()) {
      if (signature(c, pinned) != null) {
        continue; // the earlier file's own problem; check it on its own
      }
      if (c.seq() > current.headSeq()) {
        return "checkpoint " + c.seq() + " of " + earlier.file() + " lies beyond today's head: cut";
      }
      if (c.seq() >= current.firstSeq() && !c.hash().equals(current.events().get(c.seq()))) {
        return "event " + c.seq() + " no longer matches the checkpoint in " + earlier.file();
      }
    }
    return null;
  }

  static String signature(Checkpoint c, List<byte[]> pinned) throws Exception {
    for (byte[] key : pinned) {
      if (keyId(key).equals(c.keyId())) {
        byte[] signed =
            ("qunbei-audit-checkpoint|1|" + c.seq() + "|" + c.hash() + "|" + c.at())
                .getBytes(StandardCharsets.UTF_8);
        return verify(c.alg(), key, signed, Base64.getDecoder().decode(c.sig()))
            ? null
            : "checkpoint " + c.seq() + " has a signature that does not verify: forged";
      }
    }
    return "checkpoint " + c.seq() + " is signed by key " + c.keyId() + ", not a pinned key";
  }

  static boolean verify(String alg, byte[] der, byte[] message, byte[] sig) throws Exception {
    boolean sm2 = alg.equals("SM2");
    if (sm2) {
      return verifySm2(der, message, sig);
    }
    PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    Signature s = Signature.getInstance("Ed25519");
    s.initVerify(key);
    s.update(message);
    try {
      return s.verify(sig);
    } catch (java.security.SignatureException malformed) {
      return false;
    }
  }

  /** SM2 is not in the JDK: BouncyCastle on the class path (-cp bcprov-jdk18on.jar) brings it. */
  static boolean verifySm2(byte[] der, byte[] message, byte[] sig) throws Exception {
    java.security.Provider bc;
    try {
      bc =
          (java.security.Provider)
              Class.forName("org.bouncycastle.jce.provider.BouncyCastleProvider")
                  .getDeclaredConstructor()
                  .newInstance();
    } catch (ClassNotFoundException e) {
      System.err.println("SM2 needs BouncyCastle: java -cp bcprov-jdk18on.jar " + "...");
      System.exit(2);
      return false;
    }
    PublicKey key = KeyFactory.getInstance("EC", bc).generatePublic(new X509EncodedKeySpec(der));
    Signature s = Signature.getInstance("SM3withSM2", bc);
    s.initVerify(key);
    s.update(message);
    try {
      return s.verify(sig);
    } catch (java.security.SignatureException malformed) {
      return false;
    }
  }

  /** Reads the export and checks its chain of links while reading. */
  static Export read(Path file) throws IOException {
    String algorithm = null;
    byte[] key = null;
    long firstSeq = 1;
    String firstPrev = "genesis";
    long headSeq = 0;
    String headHash = "genesis";
    List<Checkpoint> checkpoints = new ArrayList<>();
    Map<Long, String> events = new HashMap<>();
    String problem = null;
    long expected = -1;
    String previous = null;
    boolean ended = false;
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty() || !lines.get(0).equals("qunbei-audit-export 1")) {
      throw new IOException(file + " is not a Qunbei audit export");
    }
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(" ");
      switch (f[0]) {
        case "algorithm" -> algorithm = f[1];
        case "key" -> key = Base64.getDecoder().decode(f[1]);
        case "first" -> {
          firstSeq = Long.parseLong(f[1]);
          firstPrev = f[2];
          expected = firstSeq;
          previous = firstPrev;
        }
        case "head" -> {
          headSeq = Long.parseLong(f[1]);
          headHash = f[2];
        }
        case "checkpoint" ->
            checkpoints.add(new Checkpoint(Long.parseLong(f[1]), f[2], f[3], f[4], f[5], f[6]));
        case "event" -> {
          long seq = Long.parseLong(f[1]);
          if (problem == null && seq != expected) {
            problem = "event " + expected + " is missing (found " + seq + ")";
          } else if (problem == null && !f[2].equals(previous)) {
            problem = "event " + seq + " does not follow the one before it: inserted or reordered";
          }
          events.put(seq, f[3]);
          previous = f[3];
          expected = seq + 1;
        }
        case "end" -> ended = true;
        default -> {}
      }
    }
    if (problem == null && !ended) {
      problem = "the export is incomplete (no end line)";
    }
    if (problem == null && (expected - 1 != headSeq || !headHash.equals(previous))) {
      problem = "the chain ends at " + (expected - 1) + " but its head is " + headSeq + ": cut";
    }
    return new Export(
        file,
        algorithm,
        key,
        firstSeq,
        firstPrev,
        headSeq,
        headHash,
        checkpoints,
        events,
        problem);
  }

  static byte[] pem(String pem) {
    return Base64.getDecoder()
        .decode(pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", ""));
  }

  static String keyId(byte[] der) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der), 0, 8);
  }

  static void usage() {
    System.err.println(
        "usage: java tools/VerifyAuditExport.java --key audit-key.pem export.txt [earlier.txt ...]");
    System.exit(2);
  }
}
