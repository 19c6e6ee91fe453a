package org.qunbei.accounts.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.shared.ForbiddenException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The caller's own access tokens: {@code GET/POST /api/me/tokens}, {@code DELETE
 * /api/me/tokens/{id}}. Creating one needs the password or the browser session, not a token.
 */
@RestController
class TokenApi {

  private final Tokens tokens;

  TokenApi(Tokens tokens) {
    this.tokens = tokens;
  }

  @GetMapping("/api/me/tokens")
  List<Tokens.TokenInfo> list(CurrentUser user) {
    return tokens.list(user);
  }

  @PostMapping(value = "/api/me/tokens", consumes = "application/json")
  ResponseEntity<Tokens.NewToken> create(
      CurrentUser user, @RequestBody JsonNode body, HttpServletRequest request) {
    if (request.getAttribute(BearerTokenFilter.BY_TOKEN) != null) {
      throw new ForbiddenException("token.notByToken");
    }
    Tokens.NewToken t = tokens.create(user, text(body, "name"), text(body, "days"));
    return ResponseEntity.created(URI.create("/api/me/tokens/" + t.info().id())).body(t);
  }

  @DeleteMapping("/api/me/tokens/{id}")
  ResponseEntity<Void> revoke(CurrentUser user, @PathVariable long id) {
    tokens.revoke(user, id);
    return ResponseEntity.noContent().build();
  }

  /** A text or number field; a list or an object where one belongs is a 400 naming the field. */
  private static String text(JsonNode body, String field) {
    JsonNode n = body.path(field);
    if (n.isMissingNode() || n.isNull()) {
      return null;
    }
    if (!n.isValueNode()) {
      throw org.qunbei.shared.InvalidInputException.of(field, "filing.invalidValue", field);
    }
    return n.asString();
  }
}
