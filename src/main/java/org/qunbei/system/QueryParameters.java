package org.qunbei.system;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import java.util.Map;
import java.util.Set;
import org.qunbei.shared.Violations;

/**
 * A query string taken whole as a map (the registry's list, the audit trail's search), its
 * parameters named once, in its query class, with what each does: a parameter it does not name is
 * refused, and the API document lists those it names instead of one opaque "params" object.
 */
public final class QueryParameters {

  /** What any page's query string may carry besides its own: the form's token, the language. */
  private static final Set<String> ANY_PAGE = Set.of("_csrf", "lang");

  private QueryParameters() {}

  /** A violation for each parameter not among {@code known}, naming it, in name order. */
  public static void refuseUnknown(Map<String, String> params, Set<String> known, Violations v) {
    params.keySet().stream()
        .filter(k -> !known.contains(k) && !ANY_PAGE.contains(k))
        .sorted()
        .forEach(k -> v.add(k, "query.unknownParameter", k));
  }

  public static Operation listed(Operation operation, Map<String, String> explained) {
    if (operation.getParameters() != null) {
      operation.getParameters().removeIf(p -> p.getName().equals("params"));
    }
    explained.forEach(
        (name, meaning) ->
            operation.addParametersItem(
                new QueryParameter().name(name).description(meaning).schema(new StringSchema())));
    return operation;
  }
}
