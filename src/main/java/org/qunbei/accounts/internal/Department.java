package org.qunbei.accounts.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.qunbei.accounts.DepartmentInfo;
import org.qunbei.accounts.DepartmentKind;

/** A unit of the school directory; head and leader are named by username to avoid a cycle. */
@Entity
@Table(name = "department")
public class Department {

  /** The code filings carry: upper-case letters, digits and _, starting with a letter. */
  public static final java.util.regex.Pattern CODE =
      java.util.regex.Pattern.compile("[A-Z][A-Z0-9_]{1,19}");

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String code;
  private String name;

  @Enumerated(EnumType.STRING)
  private DepartmentKind kind;

  private String headUsername;
  private String leaderUsername;

  protected Department() {}

  public Department(String code, String name, DepartmentKind kind, String head, String leader) {
    this.code = code;
    this.name = name;
    this.kind = kind;
    this.headUsername = head;
    this.leaderUsername = leader;
  }

  /** The system administrator's edit; the code, which filings carry, never changes. */
  void describe(String newName, DepartmentKind newKind, String head, String leader) {
    this.name = newName;
    this.kind = newKind;
    this.headUsername = head;
    this.leaderUsername = leader;
  }

  /** HR's name for the department, which the staff file carries. */
  void rename(String newName) {
    this.name = newName;
  }

  public String code() {
    return code;
  }

  public DepartmentInfo info() {
    return new DepartmentInfo(code, name, kind, headUsername, leaderUsername);
  }
}
