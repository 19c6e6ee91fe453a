package org.qunbei.approval;

import java.util.List;
import java.util.Optional;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.filing.Filing;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The configured chain (qunbei.approval.steps in application.yml). A school that adds or drops a
 * step changes this configuration only.
 */
@ConfigurationProperties("qunbei.approval")
public record ApprovalChain(List<ChainStep> steps) {

  public ApprovalChain {
    if (steps == null || steps.isEmpty()) {
      throw new IllegalStateException("qunbei.approval.steps must name at least one step");
    }
    for (ChainStep s : steps) {
      if (s.decider() == DeciderKind.ROLE && s.role() == null) {
        throw new IllegalStateException("step " + s.code() + " is decided by a role: name it");
      }
    }
    steps = List.copyOf(steps);
  }

  public ChainStep first() {
    return steps.get(0);
  }

  public Optional<ChainStep> step(String code) {
    return steps.stream().filter(s -> s.code().equals(code)).findFirst();
  }

  /** The step after this one, or empty after the last. */
  public Optional<ChainStep> after(String code) {
    for (int i = 0; i < steps.size() - 1; i++) {
      if (steps.get(i).code().equals(code)) {
        return Optional.of(steps.get(i + 1));
      }
    }
    return Optional.empty();
  }

  /**
   * Whether this user decides this step for this filing: the colleague it was handed to, once
   * handed; otherwise anyone {@link #eligible} for it.
   */
  public boolean decides(CurrentUser user, ChainStep step, Filing filing) {
    if (filing.assignee() != null && step.code().equals(filing.currentStep())) {
      return user.username().equals(filing.assignee());
    }
    return eligible(user, step, filing);
  }

  /**
   * Whether a task of this step may be handed to this colleague: a member of the same office, a
   * head of the same department (a deputy head), or another leader in charge.
   */
  public boolean colleague(CurrentUser target, ChainStep step, Filing filing) {
    return switch (step.decider()) {
      case DEPARTMENT_HEAD ->
          target.has(org.qunbei.accounts.Role.DEPARTMENT_HEAD)
                  && filing.departmentCode().equals(target.departmentCode())
              || target.headOf().contains(filing.departmentCode());
      case DEPARTMENT_LEADER -> target.has(org.qunbei.accounts.Role.LEADER);
      case ROLE -> target.has(step.roleFor(filing.classified()));
    };
  }

  /** Whether this user belongs to the office (or is the head or leader) that decides the step. */
  public boolean eligible(CurrentUser user, ChainStep step, Filing filing) {
    return switch (step.decider()) {
      case DEPARTMENT_HEAD -> user.headOf().contains(filing.departmentCode());
      case DEPARTMENT_LEADER -> user.leaderOf().contains(filing.departmentCode());
      case ROLE -> user.has(step.roleFor(filing.classified()));
    };
  }
}
