package org.qunbei.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import org.qunbei.approval.StepDecided;
import org.qunbei.filing.FilingEdited;
import org.qunbei.filing.FilingSubmitted;
import org.qunbei.filing.FilingWithdrawn;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Appends an event for every change the modules announce, inside the transaction that made the
 * change (a synchronous listener, joining it): the change and its record commit or fail together.
 */
@Service
public class AuditTrail {

  private final AuditEvents events;
  private final AuditHeads heads;
  private final AuditSeal seal;
  private final AuditCheckpointing checkpoints;
  private final ChainWrite chainWrite;
  private final Clock clock;

  /** Events wait here for their place in the chain until their transaction is about to commit. */
  private final org.qunbei.shared.AtCommit<Pending> queue;

  AuditTrail(
      AuditEvents events,
      AuditHeads heads,
      AuditSeal seal,
      AuditCheckpointing checkpoints,
      ChainWrite chainWrite,
      Clock clock) {
    this.checkpoints = checkpoints;
    this.chainWrite = chainWrite;
    this.heads = heads;
    this.events = events;
    this.seal = seal;
    this.clock = clock;
    this.queue = new org.qunbei.shared.AtCommit<>(this::join, Ordered.LOWEST_PRECEDENCE);
  }

  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  void on(FilingEdited e) {
    append(
        e.created() ? AuditAction.DRAFT_CREATED : AuditAction.DRAFT_EDITED,
        e.actor(),
        e.filingId(),
        e.version(),
        null);
  }

  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  void on(FilingSubmitted e) {
    append(
        AuditAction.SUBMITTED,
        e.actor(),
        e.filingId(),
        e.version(),
        "编号 " + e.number() + "，进入 " + e.step());
  }

  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  void on(org.qunbei.filing.FilingImported e) {
    append(
        AuditAction.IMPORTED, e.importedBy(), e.filingId(), e.version(), "纸质备案导入，编号 " + e.number());
  }

  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  void on(FilingWithdrawn e) {
    append(AuditAction.WITHDRAWN, e.actor(), e.filingId(), e.version(), null);
  }

  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  void on(StepDecided e) {
    AuditAction action =
        switch (e.decision()) {
          case APPROVE -> AuditAction.APPROVED;
          case RETURN -> AuditAction.RETURNED;
          case REJECT -> AuditAction.REJECTED;
        };
    append(action, e.actor(), e.filingId(), e.version(), e.step() + "：" + e.opinion());
  }

  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  void on(org.qunbei.approval.TaskTransferred e) {
    append(
        AuditAction.TRANSFERRED,
        e.actor(),
        e.filingId(),
        e.version(),
        e.step() + " 转办给 " + e.colleague() + "：" + e.reason());
  }

  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  void on(org.qunbei.approval.DelegationCreated e) {
    append(
        AuditAction.DELEGATION_CREATED,
        e.delegator(),
        null,
        0,
        "委托#"
            + e.delegationId()
            + " "
            + e.delegate()
            + " 代 "
            + e.delegator()
            + "："
            + e.from()
            + " 至 "
            + e.to());
  }

  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  void on(org.qunbei.approval.DelegationEnded e) {
    append(
        AuditAction.DELEGATION_ENDED,
        e.actor(),
        null,
        0,
        "委托#"
            + e.delegationId()
            + " "
            + e.delegate()
            + " 代 "
            + e.delegator()
            + "："
            + (e.cancelled() ? "取消" : "到期结束")
            + "，退回任务 "
            + e.returned()
            + " 件");
  }

  /** The hand-over is the person away's delegation at work: recorded under their name. */
  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  void on(org.qunbei.approval.TaskDelegated e) {
    append(
        AuditAction.TASK_DELEGATED,
        e.delegator(),
        e.filingId(),
        e.version(),
        e.step() + " 委托#" + e.delegationId() + "：" + e.delegate() + " 代 " + e.delegator());
  }

  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  void on(org.qunbei.approval.DelegatedTaskReturned e) {
    append(
        AuditAction.DELEGATED_TASK_RETURNED,
        e.delegator(),
        e.filingId(),
        e.version(),
        e.step() + " 委托#" + e.delegationId() + " 结束：" + e.delegate() + " 退回给 " + e.delegator());
  }

  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  void on(org.qunbei.notify.RobotChanged e) {
    append(
        AuditAction.ROBOT_CHANGED,
        e.actor(),
        null,
        0,
        "robot " + e.robotId() + "（" + e.name() + "）：" + e.what());
  }

  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  void on(org.qunbei.approval.FilingCopied e) {
    append(
        AuditAction.COPIED,
        e.actor(),
        e.filingId(),
        e.version(),
        "抄送给 " + String.join("、", e.recipients()) + (e.note() == null ? "" : "：" + e.note()));
  }

  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  void on(org.qunbei.accounts.DirectoryChanged e) {
    append(AuditAction.DIRECTORY_CHANGED, e.actor(), null, 0, e.subject() + "：" + e.what());
  }

  /** A read or a download is recorded in a transaction of its own when the reader had none. */
  @EventListener
  @Transactional
  void on(org.qunbei.shared.Accessed e) {
    String detail =
        e.detail() == null || e.detail().length() <= 1000
            ? e.detail()
            : e.detail().substring(0, 1000);
    append(AuditAction.valueOf(e.kind().name()), actor(), e.filingId(), 0, detail);
  }

  /** The auditor's reading of the trail is itself on the trail. */
  @Transactional
  public void recordRead(String what) {
    append(AuditAction.AUDIT_READ, actor(), null, 0, what);
  }

  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  void on(org.qunbei.accounts.SignInRecorded e) {
    AuditAction action =
        switch (e.outcome()) {
          case SUCCEEDED -> AuditAction.SIGN_IN;
          case FAILED -> AuditAction.SIGN_IN_FAILED;
          case LOCKED -> AuditAction.LOCKED_OUT;
        };
    append(action, e.username(), null, 0, e.detail());
  }

  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  void on(org.qunbei.accounts.RolesChanged e) {
    append(
        AuditAction.ROLES_CHANGED,
        e.actor(),
        null,
        0,
        e.username()
            + "："
            + e.before()
            + " → "
            + e.after()
            + (e.reason().isEmpty() ? "" : "；理由：" + e.reason()));
  }

  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  void on(org.qunbei.filing.DissolutionReported e) {
    append(
        AuditAction.DISSOLUTION_REPORTED,
        e.actor(),
        e.filingId(),
        e.version(),
        "解散报备，进入 " + e.step());
  }

  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  void on(org.qunbei.filing.FilingSuperseded e) {
    append(
        AuditAction.SUPERSEDED,
        actor(),
        e.filingId(),
        e.version(),
        "被变更备案取代（" + e.byFilingId() + "）");
  }

  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  void on(org.qunbei.filing.QrCodeAttached e) {
    append(
        AuditAction.QR_CODE_ATTACHED,
        e.actor(),
        e.filingId(),
        e.version(),
        e.replaced() ? "更换群二维码" : "上传群二维码");
  }

  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  void on(org.qunbei.calendar.CalendarYearLoaded e) {
    append(
        AuditAction.CALENDAR_LOADED,
        e.actor(),
        null,
        0,
        e.year()
            + (e.replaced() ? " 年更正：" : " 年载入：")
            + e.holidays()
            + " 天放假，"
            + e.workdays()
            + " 天调休上班");
  }

  /** Retention's removal is itself an event, joined to the chain like any other. */
  void recordPurge(java.time.Period period, java.time.LocalDate before, long removed) {
    append(
        AuditAction.AUDIT_PURGED,
        "system",
        null,
        0,
        "保留期 " + period + "：删除 " + before + " 前的 " + removed + " 条");
  }

  /**
   * Joins the event to the chain when its transaction is about to commit: the head's row lock then
   * gives every event one place after the one before it, on any number of nodes. Taken at the end
   * rather than when the event happens, the lock is held for the append and the commit alone — not
   * for the notices, delegations and look-ups that follow a decision — so that transactions which
   * all append do not wait for each other's whole work. Outside a transaction (none today) it joins
   * at once.
   */
  private void append(
      AuditAction action, String actor, Long filingId, long version, String detail) {
    // What someone typed reaches the trail (a filter the auditor read by, a name a failed
    // sign-in gave): kept as far as its column goes, without what no column keeps.
    var event =
        new Pending(
            fit(actor, 50),
            roles(),
            action.name(),
            filingId,
            version,
            address(),
            fit(detail, 1000));
    queue.add(event);
  }

  /** An event as it happened, waiting for its place in the chain. */
  private record Pending(
      String actor,
      String roles,
      String action,
      Long filingId,
      long version,
      String address,
      String detail) {}

  private void join(List<Pending> pending) {
    if (pending.isEmpty()) {
      return;
    }
    ChainWrite.End guess = chainWrite.guess();
    if (guess != null
        && chainWrite.appendAt(guess, chained(pending, guess.seq(), guess.hash()), seal)) {
      return;
    }
    AuditHead head = heads.lockHead();
    chainWrite.write(chained(pending, head.seq(), head.hash()), head, seal);
  }

  /** The pending events given places after {@code seq}, each naming the hash before it. */
  private List<AuditEvent> chained(List<Pending> pending, long seq, String prev) {
    List<AuditEvent> joined = new java.util.ArrayList<>(pending.size());
    for (Pending p : pending) {
      seq++;
      AuditEvent e =
          new AuditEvent(
              clock.instant(),
              p.actor(),
              p.roles(),
              p.action(),
              p.filingId(),
              p.version(),
              p.address(),
              p.detail(),
              seq,
              prev,
              seal);
      joined.add(e);
      prev = e.hash();
    }
    return joined;
  }

  /** How the whole chain stands: intact, or the first place it is broken and how. */
  public record ChainCheck(boolean intact, long events, Long brokenAt, String problem) {}

  /**
   * Walks the chain from where it begins (the first event, or the first one retention kept): each
   * event's seal (edited?), its place (one missing?), the hash it names as its predecessor
   * (inserted or reordered?), at the end the sealed head (cut off the end, or moved back?), and
   * beside them the signed checkpoints (forged, or a trail rewritten by someone who had the seal's
   * key). Reads in pages, so a trail of millions stays within memory.
   */
  @Transactional(readOnly = true)
  public ChainCheck verifyChain() {
    AuditHead head = heads.findById(AuditHead.ID).orElseThrow();
    if (!head.intact(seal)) {
      return new ChainCheck(false, 0, head.seq(), "head");
    }
    Checkpoints signed = new Checkpoints(head.firstSeq() - 1);
    long expected = head.firstSeq();
    String previous = head.firstPrev();
    while (true) {
      List<AuditEvent> page =
          events.findBySeqGreaterThanEqualOrderBySeqAsc(
              expected, org.springframework.data.domain.PageRequest.of(0, 1000));
      if (page.isEmpty()) {
        break;
      }
      for (AuditEvent e : page) {
        long seen = expected - head.firstSeq();
        if (e.seq() > head.seq()) {
          return new ChainCheck(false, seen, e.seq(), "beyond");
        }
        if (e.seq() != expected) {
          return new ChainCheck(false, seen, expected, "missing");
        }
        if (!e.intact(seal)) {
          return new ChainCheck(false, seen, e.seq(), "edited");
        }
        if (!previous.equals(e.prevHash())) {
          return new ChainCheck(false, seen, e.seq(), "reordered");
        }
        String problem = signed.at(e);
        if (problem != null) {
          return new ChainCheck(false, seen, e.seq(), problem);
        }
        previous = e.hash();
        expected++;
      }
    }
    long seen = expected - head.firstSeq();
    if (expected - 1 != head.seq() || !previous.equals(head.hash())) {
      return new ChainCheck(false, seen, expected, "cut");
    }
    AuditCheckpoint beyond = signed.next();
    if (beyond != null) {
      // A checkpoint signed a place the chain no longer reaches: events were cut and the head
      // resealed, which takes the seal's key — but not the checkpoint key.
      return new ChainCheck(false, seen, expected, "cut");
    }
    return new ChainCheck(true, seen, null, null);
  }

  /** The signed checkpoints, read in order beside the events of the walk. */
  private final class Checkpoints {
    private final java.util.ArrayDeque<AuditCheckpoint> queue = new java.util.ArrayDeque<>();
    private long after;

    Checkpoints(long after) {
      this.after = after;
    }

    /** Null when the event agrees with any checkpoint at its place; else the problem. */
    String at(AuditEvent e) {
      AuditCheckpoint c = next();
      if (c == null || c.seq() != e.seq()) {
        return null;
      }
      queue.poll();
      return switch (checkpoints.check(c)) {
        case FORGED -> "signature";
        case OTHER_KEY -> null;
        case VALID -> c.headHash().equals(e.hash()) ? null : "checkpoint";
      };
    }

    AuditCheckpoint next() {
      if (queue.isEmpty()) {
        List<AuditCheckpoint> page = checkpoints.checkpointsAfter(after);
        queue.addAll(page);
        if (!page.isEmpty()) {
          after = page.get(page.size() - 1).seq();
        }
      }
      return queue.peek();
    }
  }

  @Transactional(readOnly = true)
  public Page<AuditEvent> search(
      Long filingId,
      String actor,
      String action,
      java.time.Instant from,
      java.time.Instant to,
      int page,
      int size) {
    return events.search(
        filingId,
        actor,
        action,
        from,
        to,
        org.qunbei.shared.Paging.of(page, size, Sort.by(Sort.Order.desc("id"))));
  }

  /**
   * The id of the first event of this filing that fails its check — a seal that does not match its
   * content, or a filing version that went backwards or skipped (a removed event) — or null when
   * the filing's trail is intact.
   */
  @Transactional(readOnly = true)
  public Long firstBroken(Long filingId) {
    Long previousVersion = null;
    for (AuditEvent e : events.findByFilingIdOrderByIdAsc(filingId)) {
      if (isAccess(e)) {
        if (!e.intact(seal)) {
          return e.id();
        }
        continue; // a download reads the filing; it does not move its version
      }
      // A save that changed nothing keeps the version; anything else moves it by one.
      boolean gap =
          previousVersion != null
              && (e.filingVersion() < previousVersion || e.filingVersion() > previousVersion + 1);
      if (!e.intact(seal) || gap) {
        return e.id();
      }
      previousVersion = e.filingVersion();
    }
    return null;
  }

  private static boolean isAccess(AuditEvent e) {
    try {
      return AuditAction.valueOf(e.action()).isAccess();
    } catch (IllegalArgumentException unknown) {
      return false;
    }
  }

  /** Whoever's request made the change; a step's decider when a change filing is filed. */
  private static String actor() {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    return auth == null ? "system" : auth.getName();
  }

  private static String roles() {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null) {
      return null;
    }
    List<String> names =
        auth.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            // Roles only: Spring Security also lists the factors of the sign-in (FACTOR_…).
            .filter(a -> a.startsWith("ROLE_"))
            .map(a -> a.substring("ROLE_".length()))
            .sorted()
            .toList();
    return names.stream().collect(Collectors.joining(","));
  }

  private static String address() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
      HttpServletRequest request = attrs.getRequest();
      return request.getRemoteAddr();
    }
    return null;
  }

  private static String fit(String text, int max) {
    if (text == null) {
      return null;
    }
    String s = org.qunbei.shared.Text.cleaned(text);
    if (s.length() > max) {
      s = s.substring(0, Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max);
    }
    return s;
  }
}
