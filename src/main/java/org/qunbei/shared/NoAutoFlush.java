package org.qunbei.shared;

import jakarta.persistence.QueryHint;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.hibernate.jpa.HibernateHints;
import org.springframework.data.jpa.repository.QueryHints;

/**
 * A repository query that runs without flushing first. Hibernate flushes before every query by
 * default, and a flush first compares every loaded entity with its snapshot — in a decision the
 * filing's ~80 columns, once per look-up: a tenth of the chain's CPU (ADR 26). Safe where the query
 * cannot miss an unsaved change: it reads tables the transactions that ask it do not write before
 * asking (the directory, the delegations, the robots, as a decision reads them), or it reads one
 * entity by id, which comes back as the instance already loaded, unsaved changes and all. A query
 * that must see the transaction's own unsaved rows does not carry this.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@QueryHints(@QueryHint(name = HibernateHints.HINT_FLUSH_MODE, value = "COMMIT"))
public @interface NoAutoFlush {}
