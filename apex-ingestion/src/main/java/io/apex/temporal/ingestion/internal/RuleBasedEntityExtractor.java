package io.apex.temporal.ingestion.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what rules find reliably: emails, URLs, dates, money amounts, identifiers such as {@code
 * INV-2024-0042}, organisations named with a legal suffix ({@code Acme Corp}, {@code Globex GmbH})
 * and persons named with a title ({@code Dr. Jane Smith}). Overlapping matches keep the first
 * rule's (rules are listed from most to least specific).
 */
final class RuleBasedEntityExtractor implements EntityExtractor {
  static final String EMAIL = "EMAIL";
  static final String URL = "URL";
  static final String DATE = "DATE";
  static final String MONEY = "MONEY";
  static final String IDENTIFIER = "IDENTIFIER";
  static final String ORGANIZATION = "ORGANIZATION";
  static final String PERSON = "PERSON";

  private record Rule(String kind, Pattern pattern, Function<Matcher, String> normalizer) {}

  private static final String MONTHS =
      "(?:January|February|March|April|May|June|July|August|September|October|November|December"
          + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)";

  private final List<Rule> rules =
      List.of(
          new Rule(
              EMAIL,
              Pattern.compile("\\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}\\b"),
              m -> m.group().toLowerCase(Locale.ROOT)),
          new Rule(
              URL,
              Pattern.compile("\\bhttps?://[^\\s<>\"'()\\[\\]]+[^\\s<>\"'()\\[\\].,;:!?]"),
              Matcher::group),
          new Rule(
              DATE,
              Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b"),
              m -> isoDate(m.group(), DateTimeFormatter.ISO_LOCAL_DATE)),
          new Rule(
              DATE,
              Pattern.compile("\\b" + MONTHS + "\\.? \\d{1,2}(?:st|nd|rd|th)?, \\d{4}\\b"),
              m -> isoDate(m.group(), null)),
          new Rule(
              DATE,
              Pattern.compile("\\b\\d{1,2}(?:st|nd|rd|th)? " + MONTHS + "\\.? \\d{4}\\b"),
              m -> isoDate(m.group(), null)),
          new Rule(
              MONEY,
              Pattern.compile(
                  "(?:[$€£]|\\b(?:USD|EUR|GBP) ?)\\d{1,3}(?:,\\d{3})*(?:\\.\\d{1,2})?"
                      + "(?: ?(?:million|billion|thousand|[MKmk])\\b)?"),
              m -> m.group().replace(" ", "")),
          new Rule(
              MONEY,
              Pattern.compile(
                  "\\b\\d{1,3}(?:,\\d{3})*(?:\\.\\d{1,2})? ?(?:USD|EUR|GBP|dollars|euros|pounds)\\b"),
              m -> m.group().replace(" ", "")),
          new Rule(
              IDENTIFIER, Pattern.compile("\\b[A-Z]{2,6}-\\d{2,}(?:-\\d+)*\\b"), Matcher::group),
          new Rule(
              PERSON,
              Pattern.compile(
                  "\\b(?:Dr|Mr|Mrs|Ms|Prof)\\.? ((?:[A-Z][a-z]+|[A-Z]\\.)(?: (?:[A-Z][a-z]+|[A-Z]\\.)){0,2} [A-Z][a-z]+)\\b"),
              m -> m.group(1)),
          new Rule(
              ORGANIZATION,
              Pattern.compile(
                  "\\b((?:[A-Z][A-Za-z0-9&'-]*(?: |, )){1,4}?(?:Corp|Corporation|Inc|Ltd|LLC|GmbH|AG|PLC|plc|S\\.A\\.|SE|Co|Company|Group|Holdings))\\b\\.?"),
              m -> m.group(1).replace(", ", " ").replaceAll("\\.$", "")));

  @Override
  public List<EntityMention> extract(String text) {
    var found = new ArrayList<EntityMention>();
    for (Rule rule : rules) {
      Matcher m = rule.pattern().matcher(text);
      while (m.find()) {
        int start = m.start();
        int end = m.end();
        if (overlaps(found, start, end)) {
          continue;
        }
        String normalized = rule.normalizer().apply(m);
        if (normalized != null && !normalized.isBlank()) {
          found.add(new EntityMention(rule.kind(), normalized, m.group(), start, end));
        }
      }
    }
    found.sort(Comparator.comparingInt(EntityMention::startOffset));
    return found;
  }

  private static boolean overlaps(List<EntityMention> found, int start, int end) {
    for (EntityMention e : found) {
      if (start < e.endOffset() && e.startOffset() < end) {
        return true;
      }
    }
    return false;
  }

  /** The ISO form of a date when it is a real one; otherwise the text as written. */
  private static String isoDate(String text, DateTimeFormatter iso) {
    try {
      if (iso != null) {
        return LocalDate.parse(text, iso).toString();
      }
      String clean = text.replaceAll("(\\d)(st|nd|rd|th)", "$1").replace(".", "").replace(",", "");
      String[] parts = clean.split(" ");
      String day;
      String month;
      String year = parts[2];
      if (Character.isDigit(parts[0].charAt(0))) {
        day = parts[0];
        month = parts[1];
      } else {
        month = parts[0];
        day = parts[1];
      }
      String shortMonth = month.substring(0, 3);
      var date =
          LocalDate.parse(
              day + " " + shortMonth + " " + year,
              DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH));
      return date.toString();
    } catch (RuntimeException e) {
      return null;
    }
  }
}
