package org.qunbei.notify;

import java.util.List;
import java.util.Optional;
import org.qunbei.shared.NoAutoFlush;
import org.springframework.data.repository.Repository;

interface Robots extends Repository<Robot, Long> {

  Robot save(Robot robot);

  Optional<Robot> findById(Long id);

  List<Robot> findAllByOrderByIdAsc();

  @NoAutoFlush
  List<Robot> findByEnabledTrue();

  void delete(Robot robot);
}
