package org.qunbei.audit.web;

import io.swagger.v3.oas.models.Operation;
import org.qunbei.system.QueryParameters;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/** The audit trail's search in the API document: the parameters {@link AuditQuery} takes. */
@Component
class AuditApiDocument implements OperationCustomizer {

  @Override
  public Operation customize(Operation operation, HandlerMethod handler) {
    return handler.getBeanType().equals(AuditApi.class)
            && handler.getMethod().getName().equals("events")
        ? QueryParameters.listed(operation, AuditQuery.PARAMETERS_EXPLAINED)
        : operation;
  }
}
