package org.qunbei.shared.crypto;

import java.util.List;

/**
 * A column a module keeps encrypted, declared as a bean so that {@link Rekeying} finds every one:
 * its table, its name and the columns that pick out one row.
 */
public record EncryptedColumn(String table, String column, List<String> rowKey) {

  public EncryptedColumn {
    rowKey = List.copyOf(rowKey);
  }
}
