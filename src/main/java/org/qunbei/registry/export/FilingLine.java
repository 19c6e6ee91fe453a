package org.qunbei.registry.export;

import jakarta.persistence.Tuple;
import jakarta.persistence.metamodel.Metamodel;
import java.lang.reflect.Field;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.qunbei.filing.FilingContent;
import org.qunbei.filing.FilingOrigin;
import org.qunbei.filing.FilingStatus;
import org.qunbei.filing.Lineage;
import org.qunbei.filing.ReviewRecord;
import org.qunbei.filing.TeamMember;

/**
 * One filing as the exported registry shows it: where it stands, the whole content of sections 一 to
 * 四 and the decisions of section 五.
 */
public record FilingLine(
    Long id,
    String number,
    FilingStatus status,
    String currentStep,
    int round,
    FilingOrigin origin,
    LocalDate filledOn,
    Instant submittedAt,
    Instant updatedAt,
    Lineage lineage,
    Instant filedAt,
    FilingContent content,
    List<ReviewRecord> decisions,
    String createdBy) {

  /** The filing's own attributes selected, in the order {@link #of} reads them. */
  static final List<String> ATTRIBUTES =
      List.of(
          "id",
          "number",
          "status",
          "currentStep",
          "round",
          "origin",
          "filledOn",
          "submittedAt",
          "updatedAt",
          "lineage",
          "filedAt",
          "createdBy");

  /**
   * The stored fields of sections 一 to 四 but the team (read apart), as the persistence metamodel
   * lists the filing's embedded form: a new field of the form is exported without a change here.
   */
  static List<FormColumn> formAttributes(Metamodel metamodel) {
    return metamodel.embeddable(FilingContent.Editor.class).getSingularAttributes().stream()
        .map(a -> new FormColumn(a.getName(), (Field) a.getJavaMember()))
        .sorted(java.util.Comparator.comparing(FormColumn::name))
        .toList();
  }

  /** A stored field of the form: its attribute name for the query, its field to fill. */
  record FormColumn(String name, Field field) {}

  /** The line of a query row ({@link #ATTRIBUTES}, then {@code form}), team and decisions apart. */
  static FilingLine of(
      Tuple t, List<FormColumn> form, List<TeamMember> team, List<ReviewRecord> decisions) {
    var content = new FilingContent.Editor();
    for (int i = 0; i < form.size(); i++) {
      set(content, form.get(i), t.get(ATTRIBUTES.size() + i));
    }
    content.team = team;
    return new FilingLine(
        t.get(0, Long.class),
        t.get(1, String.class),
        t.get(2, FilingStatus.class),
        t.get(3, String.class),
        t.get(4, Integer.class),
        t.get(5, FilingOrigin.class),
        t.get(6, LocalDate.class),
        t.get(7, Instant.class),
        t.get(8, Instant.class),
        t.get(9, Lineage.class),
        t.get(10, Instant.class),
        content.build(),
        decisions,
        t.get(11, String.class));
  }

  private static void set(FilingContent.Editor content, FormColumn column, Object value) {
    try {
      column.field().set(content, value);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("the form's field " + column.name() + " is not open", e);
    }
  }
}
