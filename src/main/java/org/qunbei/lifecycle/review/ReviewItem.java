package org.qunbei.lifecycle.review;

import java.util.List;

/**
 * One group of a round, as its department answers for it: the version on file when the round
 * opened, its answer so far, and the groups of the same department it looks like.
 *
 * @param memberCount the count on file, or the confirmed one
 */
public record ReviewItem(
    long id,
    long filingId,
    String number,
    String groupName,
    String departmentCode,
    Integer memberCount,
    ReviewAnswer answer,
    Long changeId,
    List<String> looksLike) {}
