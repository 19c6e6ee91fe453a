package org.qunbei.shared.crypto;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-encrypts every stored value of every {@link EncryptedColumn} that is not under the current key
 * (values under an older key and values stored before encryption), so that an old key can be
 * removed from the configuration afterwards. Only the column changes: no version, date or audit
 * event, as the content is the same. A row changed meanwhile (its value no longer the one read) is
 * left as it is: it was written under the current key.
 */
@Component
public class Rekeying {

  private static final Logger log = LoggerFactory.getLogger(Rekeying.class);
  private static final int BATCH = 500;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final List<EncryptedColumn> columns;
  private final FieldEncryption encryption;

  Rekeying(
      JdbcTemplate jdbc,
      TransactionTemplate tx,
      List<EncryptedColumn> columns,
      FieldEncryption encryption) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.columns = columns;
    this.encryption = encryption;
  }

  /** Moves every value to the configured current key; the count re-encrypted, per column. */
  public Map<String, Integer> rekey() {
    return rekey(encryption);
  }

  Map<String, Integer> rekey(FieldEncryption target) {
    Map<String, Integer> done = new LinkedHashMap<>();
    for (EncryptedColumn c : columns) {
      int n = rekey(c, target);
      done.put(c.table() + "." + c.column(), n);
      log.info(
          "Re-keyed {} values of {}.{} to key {}",
          n,
          c.table(),
          c.column(),
          target.currentVersion());
    }
    return done;
  }

  /**
   * A batch at a time: the values not under the current key, oldest rows first; each batch
   * re-encrypted leaves the selection, so memory stays bounded whatever the table's size.
   */
  private int rekey(EncryptedColumn c, FieldEncryption target) {
    String keys = String.join(", ", c.rowKey());
    String select =
        "select "
            + keys
            + ", "
            + c.column()
            + " from "
            + c.table()
            + " where "
            + c.column()
            + " is not null and "
            + c.column()
            + " not like ? order by "
            + keys
            + " limit "
            + BATCH;
    String current = "v" + target.currentVersion() + ":%";
    String where = String.join(" and ", c.rowKey().stream().map(k -> k + " = ?").toList());
    String update =
        "update "
            + c.table()
            + " set "
            + c.column()
            + " = ? where "
            + where
            + " and "
            + c.column()
            + " = ?";
    int changed = 0;
    while (true) {
      List<Object[]> batch = new ArrayList<>();
      jdbc.query(
          select,
          rs -> {
            String stored = rs.getString(c.rowKey().size() + 1);
            if (!target.isCurrent(stored)) {
              Object[] row = new Object[c.rowKey().size() + 2];
              row[0] = target.encrypt(target.decrypt(stored));
              for (int i = 0; i < c.rowKey().size(); i++) {
                row[i + 1] = rs.getObject(i + 1);
              }
              row[row.length - 1] = stored;
              batch.add(row);
            }
          },
          current);
      if (batch.isEmpty()) {
        return changed;
      }
      int done = 0;
      int[][] counts =
          tx.execute(
              s ->
                  jdbc.batchUpdate(
                      update,
                      batch,
                      batch.size(),
                      (ps, row) -> {
                        for (int i = 0; i < row.length; i++) {
                          ps.setObject(i + 1, row[i]);
                        }
                      }));
      for (int[] part : counts) {
        for (int n : part) {
          done += Math.max(n, 0);
        }
      }
      if (done == 0) {
        // Every row changed under us, to values still not current: a node on the old key.
        throw new IllegalStateException(
            "Re-keying "
                + c.table()
                + "."
                + c.column()
                + " makes no progress: is a node still writing under an old current key?");
      }
      changed += done;
    }
  }
}
