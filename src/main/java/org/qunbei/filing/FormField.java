package org.qunbei.filing;

import java.util.function.Function;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * One field of sections 一 to 四, as every rendering names it. {@code key} is the field's path in the
 * API's JSON without the team row ({@code team.mobile}, {@code rules.retention.period}); team
 * fields carry the paper row they sit on. The label is {@code field.<key>} in messages.properties.
 */
public record FormField(
    String key,
    FormSection section,
    FieldKind kind,
    TeamSlot slot,
    Function<FilingContent, Object> reader) {

  /** The value this field has in the content, typed (String, LocalDate, Integer, enums, sets). */
  public Object valueOf(FilingContent content) {
    return reader.apply(content);
  }

  /**
   * The field's path in the API's JSON ({@code team[1].mobile}): a team field points at the list
   * position of its row's member, or at the row's place on paper when the row is empty.
   */
  public String path(FilingContent content) {
    if (slot == null) {
      return key;
    }
    int index = slot.indexIn(content.team());
    return "team[" + (index < 0 ? slot.ordinal() : index) + "]" + key.substring("team".length());
  }

  public String labelCode() {
    return "field." + key;
  }

  /** The label in the reader's language: "群管理员（1）的职务" for a team field. */
  public MessageSourceResolvable label() {
    DefaultMessageSourceResolvable field = resolvable(labelCode());
    return slot == null ? field : FormFields.ofRow(slot, field);
  }

  static DefaultMessageSourceResolvable resolvable(String code) {
    return new DefaultMessageSourceResolvable(new String[] {code}, code);
  }
}
