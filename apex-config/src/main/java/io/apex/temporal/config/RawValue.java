package io.apex.temporal.config;

/** A setting's value as read, before validation, with where it came from. */
public record RawValue(String value, Source source) {}
