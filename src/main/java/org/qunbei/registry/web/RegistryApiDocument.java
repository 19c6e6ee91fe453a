package org.qunbei.registry.web;

import io.swagger.v3.oas.models.Operation;
import org.qunbei.registry.RegistryQuery;
import org.qunbei.system.QueryParameters;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * The registry's list and export in the API document: the parameters {@link RegistryQuery} takes
 * (the export without those that page).
 */
@Component
class RegistryApiDocument implements OperationCustomizer {

  @Override
  public Operation customize(Operation operation, HandlerMethod handler) {
    if (!handler.getBeanType().equals(RegistryApi.class)) {
      return operation;
    }
    var parameters = new java.util.LinkedHashMap<>(RegistryQuery.PARAMETERS_EXPLAINED);
    if (handler.getMethod().getName().equals("export")) {
      parameters.keySet().removeAll(RegistryQuery.PAGING);
    }
    return QueryParameters.listed(operation, parameters);
  }
}
