/**
 * Payload encryption: the AES-GCM payload codec, its keyring and key file.
 *
 * <p>Internal: no compatibility promise. Any type here may change or go in any release; other
 * services depend only on the public package io.apex.temporal.client.
 */
package io.apex.temporal.client.internal.codec;
