package org.qunbei.shared.crypto;

/**
 * Encrypts a personal field for storage and reads it back. A stored value names the key it was
 * written under ({@code v2:} then base64 of nonce, ciphertext and tag), so keys can be rotated: a
 * value under any configured key reads, a new one is written under the current key. A value without
 * that prefix was stored before encryption and reads as it is.
 */
public interface FieldEncryption {

  /** The stored form of {@code plain} under the current key; null stays null. */
  String encrypt(String plain);

  /**
   * The plain value of a stored one; null stays null and a value stored before encryption is
   * returned as it is.
   *
   * @throws FieldDecryptionException when the value names a key not configured, or fails its
   *     authentication (altered, or written under another key of that number)
   */
  String decrypt(String stored);

  /** Whether a stored value is already under the current key (re-keying skips it). */
  boolean isCurrent(String stored);

  /** The version of the key new values are written under. */
  int currentVersion();
}
