package org.qunbei.notify;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

interface RobotDeliveries extends Repository<RobotDelivery, Long> {

  RobotDelivery save(RobotDelivery delivery);

  Optional<RobotDelivery> findById(Long id);

  /** The oldest posts that are due (pending, or claimed by a node that died). */
  List<RobotDelivery> findTop20ByStatusInAndNextAttemptAtLessThanEqualOrderByIdAsc(
      Collection<DeliveryStatus> statuses, Instant now);

  /** A robot's latest post, for the administrator's page. */
  Optional<RobotDelivery> findFirstByRobotIdOrderByIdDesc(Long robotId);

  long deleteByRobotId(Long robotId);
}
