package org.qunbei.audit;

import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signs the chain's head at intervals (one node at a time) and hands the auditor what an offline
 * check needs: the public key, every checkpoint and the chain's links — places and hashes, no
 * content, so the file carries nothing personal. {@code tools/VerifyAuditExport.java} checks it
 * with a bare JDK (docs/operations.md).
 */
@Service
public class AuditCheckpointing {

  private static final Logger log = LoggerFactory.getLogger(AuditCheckpointing.class);
  private static final int PAGE = 1000;

  private final AuditHeads heads;
  private final AuditEvents events;
  private final AuditCheckpoints checkpoints;
  private final CheckpointKey key;
  private final AuditSeal seal;
  private final Clock clock;

  AuditCheckpointing(
      AuditHeads heads,
      AuditEvents events,
      AuditCheckpoints checkpoints,
      CheckpointKey key,
      AuditSeal seal,
      Clock clock) {
    this.heads = heads;
    this.events = events;
    this.checkpoints = checkpoints;
    this.key = key;
    this.seal = seal;
    this.clock = clock;
  }

  @Scheduled(
      fixedDelayString = "${qunbei.audit.checkpoint.interval:PT1H}",
      initialDelayString = "${qunbei.audit.checkpoint.initial-delay:PT5M}")
  @SchedulerLock(name = "audit-checkpoint", lockAtMostFor = "PT10M")
  void scheduled() {
    make().ifPresent(c -> log.info("audit checkpoint signed at event {}", c.seq()));
  }

  /**
   * Signs the head as it stands, unless nothing was appended since the last checkpoint or the head
   * fails its own seal (a broken trail is reported, never blessed).
   */
  @Transactional
  public Optional<AuditCheckpoint> make() {
    AuditHead head = heads.findById(AuditHead.ID).orElseThrow();
    if (head.seq() == 0) {
      return Optional.empty();
    }
    Optional<AuditCheckpoint> last = checkpoints.findTopByOrderBySeqDesc();
    if (last.isPresent() && last.get().seq() >= head.seq()) {
      return Optional.empty();
    }
    if (!head.intact(seal)) {
      log.error("audit head fails its seal: no checkpoint signed; verify the chain");
      return Optional.empty();
    }
    return Optional.of(
        checkpoints.save(new AuditCheckpoint(head.seq(), head.hash(), clock.instant(), key.key())));
  }

  /** The public half of the signing key, PEM, for the auditor to pin once. */
  public String publicKeyPem() {
    return key.key().publicKeyPem();
  }

  public String keyId() {
    return key.key().keyId();
  }

  /**
   * Writes the export, one record a line (format in tools/VerifyAuditExport.java): a plain text a
   * few lines of any language can read, streamed so a trail of millions needs no memory.
   */
  @Transactional(readOnly = true)
  public void export(Writer out) throws IOException {
    AuditHead head = heads.findById(AuditHead.ID).orElseThrow();
    var k = key.key();
    out.write("qunbei-audit-export 1\n");
    out.write("algorithm " + k.algorithm().label() + "\n");
    out.write("key " + Base64.getEncoder().encodeToString(k.publicKeyDer()) + "\n");
    out.write("keyid " + k.keyId() + "\n");
    out.write("exported " + clock.instant() + "\n");
    out.write("first " + head.firstSeq() + " " + head.firstPrev() + "\n");
    out.write("head " + head.seq() + " " + head.hash() + "\n");
    long after = 0;
    while (true) {
      List<AuditCheckpoint> page =
          checkpoints.findBySeqGreaterThanOrderBySeqAsc(after, PageRequest.of(0, PAGE));
      for (AuditCheckpoint c : page) {
        out.write(
            String.join(
                    " ",
                    "checkpoint",
                    String.valueOf(c.seq()),
                    c.headHash(),
                    c.madeAt().toString(),
                    c.algorithm(),
                    c.keyId(),
                    c.signature())
                + "\n");
        after = c.seq();
      }
      if (page.size() < PAGE) {
        break;
      }
    }
    long next = head.firstSeq();
    long count = 0;
    walk:
    while (next <= head.seq()) {
      List<AuditEvent> page =
          events.findBySeqGreaterThanEqualOrderBySeqAsc(next, PageRequest.of(0, PAGE));
      if (page.isEmpty()) {
        break;
      }
      for (AuditEvent e : page) {
        if (e.seq() > head.seq()) {
          break walk; // appended after the head was read, or inserted: not part of this export
        }
        out.write("event " + e.seq() + " " + e.prevHash() + " " + e.hash() + "\n");
        next = e.seq() + 1;
        count++;
      }
      if (page.size() < PAGE) {
        break;
      }
    }
    out.write("end " + count + "\n");
    out.flush();
  }

  /** Checkpoints in order of place, a page at a time: the chain walk reads them beside events. */
  List<AuditCheckpoint> checkpointsAfter(long seq) {
    return checkpoints.findBySeqGreaterThanOrderBySeqAsc(seq, PageRequest.of(0, PAGE));
  }

  /** Whether a checkpoint was signed by the key in use and its signature holds. */
  CheckpointCheck check(AuditCheckpoint c) {
    if (!c.keyId().equals(key.key().keyId())) {
      return CheckpointCheck.OTHER_KEY;
    }
    return c.verifies(key.key()) ? CheckpointCheck.VALID : CheckpointCheck.FORGED;
  }

  enum CheckpointCheck {
    VALID,
    FORGED,
    /** Signed before a key change: checked offline against the old public key. */
    OTHER_KEY
  }
}
