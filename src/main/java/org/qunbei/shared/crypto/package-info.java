/**
 * Cryptography behind one provider: {@link org.qunbei.shared.crypto.FieldEncryption} encrypts
 * personal data at rest (mobiles, second-factor secrets) with AES-GCM from the JDK or SM4-GCM from
 * BouncyCastle for schools assessed under 密评, under versioned keys from configuration that are
 * never in the repository; {@link org.qunbei.shared.crypto.Encrypted} applies it to a column and
 * {@link org.qunbei.shared.crypto.Rekeying} moves every stored value to the current key.
 */
package org.qunbei.shared.crypto;
