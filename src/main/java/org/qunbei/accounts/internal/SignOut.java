package org.qunbei.accounts.internal;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends everything a person is signed in with, on every node at once: their sessions (kept in the
 * database, so one delete reaches them all) and their personal access tokens. Used when an account
 * is disabled or departs, and by the system administrator's "end sessions".
 */
@Component
class SignOut {

  private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;
  private final AccessTokens tokens;
  private final Clock clock;

  SignOut(
      ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions,
      AccessTokens tokens,
      Clock clock) {
    this.sessions = sessions;
    this.tokens = tokens;
    this.clock = clock;
  }

  /** How many sessions of the person are open now. */
  int sessionsOf(String username) {
    var repository = sessions.getIfAvailable();
    return repository == null ? 0 : repository.findByPrincipalName(username).size();
  }

  /** Ends the person's sessions; returns how many there were. */
  int sessions(String username) {
    var repository = sessions.getIfAvailable();
    if (repository == null) {
      return 0;
    }
    var open = repository.findByPrincipalName(username).keySet();
    open.forEach(repository::deleteById);
    return open.size();
  }

  /** Sessions and tokens: the account can do nothing more until enabled again. */
  void everywhere(String username) {
    sessions(username);
    tokens.findByUsernameOrderByCreatedAtDesc(username).forEach(t -> t.revoke(clock.instant()));
  }
}
