package org.qunbei.approval;

import java.util.List;
import org.qunbei.accounts.Contact;
import org.qunbei.accounts.Directory;
import org.qunbei.filing.Reviewable;
import org.springframework.stereotype.Service;

/** Who decides a step of a filing, as people to notify. */
@Service
public class Deciders {

  private final ApprovalChain chain;
  private final Directory directory;

  Deciders(ApprovalChain chain, Directory directory) {
    this.chain = chain;
    this.directory = directory;
  }

  public List<Contact> of(Reviewable filing, String stepCode) {
    ChainStep step = chain.step(stepCode).orElse(null);
    if (step == null) {
      return List.of();
    }
    List<Contact> people =
        switch (step.decider()) {
          case DEPARTMENT_HEAD -> directory.headOf(filing.departmentCode()).stream().toList();
          case DEPARTMENT_LEADER -> directory.leaderOf(filing.departmentCode()).stream().toList();
          case ROLE -> directory.withRole(step.roleFor(filing.classified()));
        };
    // The applicant never decides their own filing, so is not asked to.
    return people.stream().filter(p -> !p.username().equals(filing.createdBy())).toList();
  }

  public String labelOf(String stepCode) {
    return chain.step(stepCode).map(ChainStep::label).orElse(stepCode);
  }
}
