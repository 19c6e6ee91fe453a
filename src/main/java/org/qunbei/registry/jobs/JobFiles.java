package org.qunbei.registry.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A job's files in the database, in pieces of at most 1 MiB: any node can hand out a file another
 * node made, no database needs a large packet, and no file is ever held whole in memory.
 */
@Component
public class JobFiles {

  public static final String INPUT = "INPUT";
  static final String OUTPUT = "OUTPUT";
  private static final int CHUNK = 1 << 20;

  private final JdbcTemplate jdbc;

  /** Reads one piece at a time (PostgreSQL would otherwise fetch every piece of a file at once). */
  private final JdbcTemplate oneByOne;

  JobFiles(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.oneByOne = new JdbcTemplate(jdbc.getDataSource());
    this.oneByOne.setFetchSize(1);
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void store(long job, String purpose, InputStream in) {
    try {
      int seq = 0;
      byte[] chunk;
      while ((chunk = in.readNBytes(CHUNK)).length > 0) {
        jdbc.update(
            "insert into registry_job_chunk (job_id, purpose, seq, bytes) values (?, ?, ?, ?)",
            job,
            purpose,
            seq++,
            chunk);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Transactional(readOnly = true)
  public void copy(long job, String purpose, OutputStream out) {
    oneByOne.query(
        "select bytes from registry_job_chunk where job_id = ? and purpose = ? order by seq",
        rs -> {
          try {
            out.write(rs.getBytes(1));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        },
        job,
        purpose);
  }

  /** An input is read once, by its job; then it goes (it may hold personal data). */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void delete(long job, String purpose) {
    jdbc.update("delete from registry_job_chunk where job_id = ? and purpose = ?", job, purpose);
  }
}
