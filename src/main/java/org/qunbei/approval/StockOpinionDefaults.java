package org.qunbei.approval;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The school's stock opinions (常用意见) per step, {@code qunbei.approval.stock-opinions.<STEP>}:
 * configuration beside the chain they belong to (ADR 0019), checked against it at start.
 */
@ConfigurationProperties("qunbei.approval")
record StockOpinionDefaults(Map<String, List<String>> stockOpinions) {

  StockOpinionDefaults {
    stockOpinions = stockOpinions == null ? Map.of() : Map.copyOf(stockOpinions);
  }

  /** A step's defaults, in the order configured. */
  List<String> of(String step) {
    return stockOpinions.getOrDefault(step, List.of());
  }

  /** Refuses to start with defaults no decision form could use. */
  void check(ApprovalChain chain) {
    stockOpinions.forEach(
        (step, texts) -> {
          if (chain.step(step).isEmpty()) {
            throw new IllegalStateException(
                "qunbei.approval.stock-opinions names " + step + ", which is no step of the chain");
          }
          for (String t : texts) {
            if (t == null || t.isBlank() || t.strip().length() > DecisionRequest.MAX_OPINION) {
              throw new IllegalStateException(
                  "qunbei.approval.stock-opinions." + step + ": blank or too long: " + t);
            }
          }
        });
  }
}
