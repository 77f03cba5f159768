package io.apex.temporal.config;

import java.util.List;

/**
 * Which workflows' payloads are encrypted: every workflow ({@code *}), none, or those whose
 * workflow ID starts with one of the prefixes. The workflow ID is the one thing the SDK tells a
 * codec about every payload (a workflow's own payloads carry no workflow type), so the rule is
 * written in workflow IDs.
 */
public record EncryptionRule(boolean everyWorkflow, List<String> workflowIdPrefixes) {

  public EncryptionRule {
    workflowIdPrefixes = List.copyOf(workflowIdPrefixes);
  }

  public static EncryptionRule none() {
    return new EncryptionRule(false, List.of());
  }

  public static EncryptionRule all() {
    return new EncryptionRule(true, List.of());
  }

  public static EncryptionRule prefixes(String... prefixes) {
    return new EncryptionRule(false, List.of(prefixes));
  }

  public boolean encrypts(String workflowId) {
    return everyWorkflow || workflowIdPrefixes.stream().anyMatch(workflowId::startsWith);
  }

  /** How the rule is written in {@code APEX_PAYLOAD_ENCRYPT}. */
  @Override
  public String toString() {
    if (everyWorkflow) {
      return "*";
    }
    return workflowIdPrefixes.isEmpty() ? "none" : String.join(",", workflowIdPrefixes);
  }
}
