package org.qunbei.accounts.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

public interface Departments extends Repository<Department, Long> {

  Optional<Department> findByCode(String code);

  List<Department> findAllByOrderByCode();

  Department save(Department department);

  long count();

  @Query("select d.code from Department d where d.headUsername = :username")
  List<String> codesHeadedBy(String username);

  @Query("select d.code from Department d where d.leaderUsername = :username")
  List<String> codesLedBy(String username);
}
