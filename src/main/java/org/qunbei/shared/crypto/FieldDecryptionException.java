package org.qunbei.shared.crypto;

/**
 * A stored value that cannot be read: its key is not configured, or it was altered. Never shown to
 * a user; it means the configuration or the database is wrong, not the request.
 */
public class FieldDecryptionException extends RuntimeException {

  FieldDecryptionException(String message) {
    super(message);
  }

  FieldDecryptionException(String message, Throwable cause) {
    super(message, cause);
  }
}
