package io.apex.temporal.infra;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/** One entry of a service's {@code volumes} in the short {@code source:target[:options]} syntax. */
public record VolumeMount(String source, String target, Set<String> options) {

  public static VolumeMount parse(String entry) {
    String[] parts = entry.split(":", 3);
    if (parts.length < 2) {
      throw new IllegalArgumentException("not source:target: " + entry);
    }
    Set<String> options =
        parts.length == 3 ? new TreeSet<>(Arrays.asList(parts[2].split(","))) : Set.of();
    return new VolumeMount(parts[0], parts[1], options);
  }

  /** A host path rather than a named volume: compose reads {@code .} or {@code /} as a path. */
  public boolean isBindMount() {
    return source.startsWith(".") || source.startsWith("/");
  }

  public boolean isReadOnly() {
    return options.contains("ro");
  }

  /** {@code z} (shared) or {@code Z} (private): Docker relabels the host path for SELinux. */
  public boolean hasSelinuxLabel() {
    return options.contains("z") || options.contains("Z");
  }
}
