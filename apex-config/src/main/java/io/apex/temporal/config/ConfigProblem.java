package io.apex.temporal.config;

/**
 * One bad setting, reported to a person as {@code SUBJECT must be RULE, got 'VALUE'}. The subject
 * is the environment variable (or file line) the person has to change.
 */
public record ConfigProblem(String subject, String rule, String got) {

  static ConfigProblem of(Setting setting, String rule, String value) {
    return new ConfigProblem(setting.envVar(), rule, setting.shown(value));
  }

  public String message() {
    return subject + " must be " + rule + ", got '" + got + "'";
  }

  @Override
  public String toString() {
    return message();
  }
}
