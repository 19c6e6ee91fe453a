package org.qunbei.accounts.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AccessTokens extends JpaRepository<AccessToken, Long> {

  Optional<AccessToken> findByTokenHash(String hash);

  List<AccessToken> findByUsernameOrderByCreatedAtDesc(String username);

  Optional<AccessToken> findByIdAndUsername(Long id, String username);
}
