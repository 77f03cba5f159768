package io.apex.temporal.client;

/**
 * What a client does when no payload key is set (APEX_PAYLOAD_KEY) and the key file does not exist.
 * A service that only reads and starts workflows wants {@link #FAIL}: a key it made up would not be
 * the workers' key. The worker, and a command line on the worker's machine, may {@link #CREATE}.
 */
public enum MissingKeyFile {
  /** Fail with a message naming APEX_PAYLOAD_KEY and the file; nothing is written. */
  FAIL,
  /** Generate a key into the file (readable by its owner only) and use it. */
  CREATE
}
