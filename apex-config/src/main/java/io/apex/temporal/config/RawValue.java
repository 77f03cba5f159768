package io.apex.temporal.config;

/**
 * A setting's value as read, before validation, with where it came from: the kind of source, and
 * the origin a person reads (for a profile, the profile's name and file).
 */
public record RawValue(String value, Source source, String origin) {

  public RawValue(String value, Source source) {
    this(value, source, source.label());
  }
}
