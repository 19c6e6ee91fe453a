package org.qunbei.filing;

import java.util.List;
import org.qunbei.accounts.DirectoryPerson;

/**
 * 抄送 on a filing's page, as the approval chain (which keeps the copies) tells it: the people this
 * user may copy the filing to — none when they may not copy it — and to whom it went already.
 */
public record CopyCard(List<DirectoryPerson> candidates, List<Sent> sent) {

  public static final CopyCard NONE = new CopyCard(List.of(), List.of());

  /** Whether the page shows the card's form. */
  public boolean mayCopy() {
    return !candidates.isEmpty();
  }

  /** One person the filing was copied to, and whether they have read it. */
  public record Sent(String name, String copiedByName, boolean read) {}
}
