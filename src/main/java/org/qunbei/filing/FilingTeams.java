package org.qunbei.filing;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.qunbei.shared.crypto.FieldEncryption;
import org.springframework.stereotype.Component;

/**
 * The teams of many filings in one query, for readers that stream filings without their team. It
 * reads the table directly: an export asks for 10^5 teams, and entities would only be discarded.
 * Mobiles are stored encrypted, so it decrypts them as the entity mapping would.
 */
@Component
public class FilingTeams {

  private final FieldEncryption encryption;
  private final org.qunbei.system.SqlIds ids;

  FilingTeams(FieldEncryption encryption, org.qunbei.system.SqlIds ids) {
    this.encryption = encryption;
    this.ids = ids;
  }

  /** Each filing's team in list order; a filing without members is absent. */
  public Map<Long, List<TeamMember>> of(Collection<Long> filingIds) {
    return ids.grouped(
        "select filing_id, role, name, title, office_phone, mobile, duties from filing_team_member",
        "filing_id",
        "filing_id, position",
        filingIds,
        (rs, n) -> {
          String role = rs.getString(2);
          return new TeamMember(
              role == null ? null : TeamRole.valueOf(role),
              rs.getString(3),
              rs.getString(4),
              rs.getString(5),
              encryption.decrypt(rs.getString(6)),
              rs.getString(7));
        });
  }
}
