package org.qunbei.notify;

import java.time.Clock;
import org.qunbei.accounts.Directory;
import org.qunbei.approval.StepDecided;
import org.qunbei.filing.FilingSubmitted;
import org.qunbei.filing.Reviewable;
import org.qunbei.shared.NodeFacts;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues a post for every robot whose scope matches when a filing comes to wait at a step (it was
 * submitted, passed on, or its dissolution reported): "待审批：…" with the link to the decision form.
 * Written in the deciding transaction, like the notices, and posted afterwards by {@link
 * RobotDispatcher}: a robot never holds a decision up. A classified (涉密) filing's group name stays
 * out of every chat: its post says only its number and where it waits.
 */
@Component
class RobotWriter {

  private final Robots robots;
  private final RobotDeliveries deliveries;
  private final Directory directory;
  private final NoticeDesk desk;
  private final Clock clock;
  private final NodeFacts facts;

  RobotWriter(
      Robots robots,
      RobotDeliveries deliveries,
      Directory directory,
      NoticeDesk desk,
      Clock clock,
      NodeFacts facts) {
    this.facts = facts;
    this.robots = robots;
    this.deliveries = deliveries;
    this.directory = directory;
    this.desk = desk;
    this.clock = clock;
  }

  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  void on(FilingSubmitted e) {
    waiting(e.filing(), e.step());
  }

  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  void on(org.qunbei.filing.DissolutionReported e) {
    waiting(e.filing(), e.step());
  }

  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  void on(StepDecided e) {
    if (e.nextStep() != null) {
      waiting(e.filing(), e.nextStep());
    }
  }

  private void waiting(Reviewable f, String step) {
    var matching =
        facts
            .read(
                "robots.enabled",
                () -> robots.findByEnabledTrue().stream().map(Robot::scope).toList())
            .stream()
            .filter(r -> r.announces(f.departmentCode(), step))
            .toList();
    if (matching.isEmpty()) {
      return;
    }
    String where = stepName(step);
    String department = directory.nameOf(f.departmentCode());
    String title =
        f.classified()
            ? school("robot.waiting.classified.title", f.number())
            : school("robot.waiting.title", f.groupName());
    String body =
        f.classified()
            ? school("robot.waiting.classified.body", f.number(), department, where)
            : school("robot.waiting.body", f.number(), f.groupName(), department, where);
    for (Robot.Scope r : matching) {
      deliveries.save(
          new RobotDelivery(
              r.id(), f.id(), title, body, PublicLinks.decide(f.id()), clock.instant()));
    }
  }

  private String stepName(String code) {
    return desk.stepName(code);
  }

  private String school(String code, Object... args) {
    return desk.school(code, args);
  }
}
