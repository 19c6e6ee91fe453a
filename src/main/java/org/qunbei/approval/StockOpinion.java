package org.qunbei.approval;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One approver's own stock opinion (常用意见), offered with one tap in the decision form. */
@Entity
@Table(name = "stock_opinion")
class StockOpinion {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String owner;
  private String opinion;
  private Instant createdAt;

  protected StockOpinion() {}

  StockOpinion(String owner, String opinion, Instant createdAt) {
    this.owner = owner;
    this.opinion = opinion;
    this.createdAt = createdAt;
  }

  Long id() {
    return id;
  }

  String opinion() {
    return opinion;
  }
}
