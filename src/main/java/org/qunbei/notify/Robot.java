package org.qunbei.notify;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A group robot the system administrator configured: where to post (its webhook), in which
 * platform's format, and what it announces — filings waiting at a step whose scope matches (a
 * department, a step, both, or, with neither, every filing waiting anywhere).
 */
@Entity
@Table(name = "robot")
public class Robot {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Version private long version;

  private String name;

  @Enumerated(EnumType.STRING)
  private RobotKind kind;

  private String webhookUrl;

  /** DingTalk's 加签 or Feishu's 签名校验 secret; encrypted at rest (it lets anyone post). */
  @Convert(converter = org.qunbei.shared.crypto.Encrypted.class)
  private String secret;

  private String departmentCode;
  private String stepCode;
  private boolean enabled;
  private String createdBy;
  private Instant createdAt;
  private Instant updatedAt;

  protected Robot() {}

  Robot(RobotSettings s, String secret, String createdBy, Instant now) {
    this.createdBy = createdBy;
    this.createdAt = now;
    change(s, secret, now);
  }

  void change(RobotSettings s, String secret, Instant now) {
    this.name = s.name();
    this.kind = s.kind();
    this.webhookUrl = s.url();
    this.secret = secret;
    this.departmentCode = s.department();
    this.stepCode = s.step();
    this.enabled = s.enabled();
    this.updatedAt = now;
  }

  /** What it announces, without its address or secret: what a node keeps between decisions. */
  Scope scope() {
    return new Scope(id, departmentCode, stepCode);
  }

  /** Which waiting filings a robot announces: of a department (or all), at a step (or any). */
  record Scope(long id, String departmentCode, String stepCode) {
    /** Whether it announces a filing of {@code department} waiting at {@code step}. */
    boolean announces(String department, String step) {
      return (departmentCode == null || departmentCode.equals(department))
          && (stepCode == null || stepCode.equals(step));
    }
  }

  public Long id() {
    return id;
  }

  public long version() {
    return version;
  }

  public String name() {
    return name;
  }

  public RobotKind kind() {
    return kind;
  }

  public String webhookUrl() {
    return webhookUrl;
  }

  String secret() {
    return secret;
  }

  public boolean signed() {
    return secret != null && !secret.isEmpty();
  }

  public String departmentCode() {
    return departmentCode;
  }

  public String stepCode() {
    return stepCode;
  }

  public boolean enabled() {
    return enabled;
  }

  public String createdBy() {
    return createdBy;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
