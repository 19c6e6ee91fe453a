package org.qunbei.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the auditor's documented offline command, {@code java tools/VerifyAuditExport.java}, as a
 * separate JDK process: what the test proves is the command the auditor types.
 */
public final class OfflineVerifier {

  private OfflineVerifier() {}

  public record Outcome(int exit, String output) {}

  public static Outcome run(Path key, Path export, Path... earlier) {
    return run(null, key, export, earlier);
  }

  /** With {@code classPath} (BouncyCastle's jar) for SM2 checkpoints. */
  public static Outcome run(String classPath, Path key, Path export, Path... earlier) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (classPath != null) {
      command.add("-cp");
      command.add(classPath);
    }
    command.add("tools/VerifyAuditExport.java");
    command.add("--key");
    command.add(key.toString());
    command.add(export.toString());
    for (Path p : earlier) {
      command.add(p.toString());
    }
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return new Outcome(p.waitFor(), out);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
