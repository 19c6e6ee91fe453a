package org.qunbei.system;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import java.util.Map;

/**
 * The API document's parameters of an operation that takes its query string as a map (the
 * registry's list, the audit trail's search: checked whole, in one query class): instead of one
 * opaque "params" object, each parameter the query class names, with what it does.
 */
public final class QueryParameters {

  private QueryParameters() {}

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
