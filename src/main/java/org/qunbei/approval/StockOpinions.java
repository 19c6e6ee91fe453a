package org.qunbei.approval;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

interface StockOpinions extends Repository<StockOpinion, Long> {

  StockOpinion saveAndFlush(StockOpinion opinion);

  List<StockOpinion> findByOwnerOrderByIdAsc(String owner);

  Optional<StockOpinion> findByIdAndOwner(Long id, String owner);

  long countByOwner(String owner);

  boolean existsByOwnerAndOpinion(String owner, String opinion);

  void delete(StockOpinion opinion);
}
