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
  private final AuditSeal seal;
  private final Clock clock;

  AuditTrail(AuditEvents events, AuditSeal seal, Clock clock) {
    this.events = events;
    this.seal = seal;
    this.clock = clock;
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
  void on(org.qunbei.accounts.DirectoryChanged e) {
    append(AuditAction.DIRECTORY_CHANGED, e.actor(), null, 0, e.subject() + "：" + e.what());
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

  private void append(
      AuditAction action, String actor, Long filingId, long version, String detail) {
    events.save(
        new AuditEvent(
            clock.instant(),
            actor,
            roles(),
            action.name(),
            filingId,
            version,
            address(),
            detail,
            seal));
  }

  @Transactional(readOnly = true)
  public Page<AuditEvent> search(Long filingId, String actor, String action, int page, int size) {
    return events.search(
        filingId,
        actor,
        action,
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
            .map(a -> a.replace("ROLE_", ""))
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
}
