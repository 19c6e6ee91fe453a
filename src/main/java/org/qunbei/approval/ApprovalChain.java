package org.qunbei.approval;

import java.util.List;
import java.util.Optional;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.filing.Reviewable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The configured chains (application.yml): {@code qunbei.approval.steps}, section 五's review of a
 * filing, and {@code qunbei.approval.dissolution}, the confirmation and recording of a dissolution
 * report. A school that adds or drops a step changes this configuration only. Step codes are unique
 * across both, so a filing's current step names its chain.
 */
@ConfigurationProperties("qunbei.approval")
public record ApprovalChain(List<ChainStep> steps, List<ChainStep> dissolution) {

  public ApprovalChain {
    steps = checked("steps", steps);
    dissolution = checked("dissolution", dissolution);
    var codes = new java.util.HashSet<String>();
    for (ChainStep s : all(steps, dissolution)) {
      if (!codes.add(s.code())) {
        throw new IllegalStateException("step code " + s.code() + " is used twice");
      }
    }
  }

  private static List<ChainStep> checked(String name, List<ChainStep> chain) {
    if (chain == null || chain.isEmpty()) {
      throw new IllegalStateException("qunbei.approval." + name + " must name at least one step");
    }
    for (ChainStep s : chain) {
      if (s.decider() == DeciderKind.ROLE && s.role() == null) {
        throw new IllegalStateException("step " + s.code() + " is decided by a role: name it");
      }
    }
    return List.copyOf(chain);
  }

  private static List<ChainStep> all(List<ChainStep> steps, List<ChainStep> dissolution) {
    var all = new java.util.ArrayList<ChainStep>(steps);
    all.addAll(dissolution);
    return all;
  }

  public ChainStep first() {
    return steps.get(0);
  }

  public ChainStep firstOfDissolution() {
    return dissolution.get(0);
  }

  /** Every step of both chains: who may have a task of a filing. */
  public List<ChainStep> all() {
    return all(steps, dissolution);
  }

  public boolean isDissolution(ChainStep step) {
    return dissolution.contains(step);
  }

  public Optional<ChainStep> step(String code) {
    return all().stream().filter(s -> s.code().equals(code)).findFirst();
  }

  /** The chain a step belongs to. */
  List<ChainStep> chainOf(ChainStep step) {
    return isDissolution(step) ? dissolution : steps;
  }

  /** The step after this one in its chain, or empty after the last. */
  public Optional<ChainStep> after(String code) {
    for (List<ChainStep> chain : List.of(steps, dissolution)) {
      for (int i = 0; i < chain.size() - 1; i++) {
        if (chain.get(i).code().equals(code)) {
          return Optional.of(chain.get(i + 1));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Whether this user decides this step for this filing: the colleague it was handed to, once
   * handed; otherwise anyone {@link #eligible} for it.
   */
  public boolean decides(CurrentUser user, ChainStep step, Reviewable filing) {
    if (filing.assignee() != null && step.code().equals(filing.currentStep())) {
      return user.username().equals(filing.assignee());
    }
    return eligible(user, step, filing);
  }

  /**
   * Whether a task of this step may be handed to this colleague: a member of the same office, a
   * head of the same department (a deputy head), or another leader in charge.
   */
  public boolean colleague(CurrentUser target, ChainStep step, Reviewable filing) {
    return colleague(target, new Duty(step, filing.departmentCode(), filing.classified()));
  }

  /**
   * The same question for a duty rather than one filing: whether this person could decide the step
   * for that department (or, for an office, that kind of work). A delegation (委托) names no filing.
   */
  boolean colleague(CurrentUser target, Duty duty) {
    ChainStep step = duty.step();
    return switch (step.decider()) {
      case DEPARTMENT_HEAD ->
          target.has(org.qunbei.accounts.Role.DEPARTMENT_HEAD)
                  && duty.departmentCode().equals(target.departmentCode())
              || target.headOf().contains(duty.departmentCode());
      case DEPARTMENT_LEADER -> target.has(org.qunbei.accounts.Role.LEADER);
      case ROLE -> target.has(step.roleFor(duty.classified()));
    };
  }

  /**
   * One thing a person decides: a step, for a department (a head's or leader's step) or for secret
   * or ordinary work (an office's step; the department is then null).
   */
  record Duty(ChainStep step, String departmentCode, boolean classified) {}

  /**
   * Everything this user decides, by the same rule as {@link #eligible}: empty for non-deciders.
   */
  List<Duty> duties(CurrentUser user) {
    var duties = new java.util.ArrayList<Duty>();
    for (ChainStep step : all()) {
      switch (step.decider()) {
        case DEPARTMENT_HEAD ->
            user.headOf().stream().sorted().forEach(d -> duties.add(new Duty(step, d, false)));
        case DEPARTMENT_LEADER ->
            user.leaderOf().stream().sorted().forEach(d -> duties.add(new Duty(step, d, false)));
        case ROLE -> {
          for (boolean classified : new boolean[] {false, true}) {
            if (user.has(step.roleFor(classified))) {
              duties.add(new Duty(step, null, classified));
            }
          }
        }
      }
    }
    return duties;
  }

  /** Whether this user belongs to the office (or is the head or leader) that decides the step. */
  public boolean eligible(CurrentUser user, ChainStep step, Reviewable filing) {
    return switch (step.decider()) {
      case DEPARTMENT_HEAD -> user.headOf().contains(filing.departmentCode());
      case DEPARTMENT_LEADER -> user.leaderOf().contains(filing.departmentCode());
      case ROLE -> user.has(step.roleFor(filing.classified()));
    };
  }
}
