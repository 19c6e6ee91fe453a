package org.qunbei.approval;

import java.util.List;

/** A filing was copied (抄送) to people who must know of it but not decide it. */
public record FilingCopied(
    Long filingId,
    String actor,
    String actorName,
    List<String> recipients,
    String note,
    long version) {}
