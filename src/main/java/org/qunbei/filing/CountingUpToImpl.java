package org.qunbei.filing;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import org.springframework.data.jpa.domain.Specification;

/** {@link CountingUpTo} for {@link Filings}: Spring Data finds it by its name. */
class CountingUpToImpl implements CountingUpTo {

  private final EntityManager em;

  CountingUpToImpl(EntityManager em) {
    this.em = em;
  }

  @Override
  public long countUpTo(Specification<Filing> spec, int limit) {
    var cb = em.getCriteriaBuilder();
    CriteriaQuery<Long> cq = cb.createQuery(Long.class);
    Root<Filing> root = cq.from(Filing.class);
    cq.select(root.get("id")).where(spec.toPredicate(root, cq, cb));
    return em.createQuery(cq).setMaxResults(limit).getResultList().size();
  }
}
