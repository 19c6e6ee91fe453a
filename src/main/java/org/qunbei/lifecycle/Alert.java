package org.qunbei.lifecycle;

import java.time.Instant;

/** An open alert as the cyberspace office's list shows it. */
public record Alert(
    long id,
    AlertKind kind,
    long filingId,
    String number,
    String groupName,
    String departmentCode,
    String detail,
    Instant raisedAt) {}
