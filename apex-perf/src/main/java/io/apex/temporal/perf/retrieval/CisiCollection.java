package io.apex.temporal.perf.retrieval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The CISI test collection (resources {@code cisi/}, origin in its README): 1,460 abstracts with
 * their titles, the queries' text, and which documents are relevant to each judged query.
 */
record CisiCollection(
    Map<Integer, String> documents,
    Map<Integer, String> queries,
    Map<Integer, Set<Integer>> relevant) {

  /** One document as the file ingested: its title, a blank line, its abstract. */
  record Article(String title, String abstractText) {
    String text() {
      return abstractText.isBlank() ? title + "\n" : title + "\n\n" + abstractText + "\n";
    }
  }

  static CisiCollection load() {
    var documents = new TreeMap<Integer, String>();
    parse(read("CISI.ALL"))
        .forEach(
            (id, fields) ->
                documents.put(
                    id,
                    new Article(fields.getOrDefault("T", ""), fields.getOrDefault("W", ""))
                        .text()));
    var queries = new TreeMap<Integer, String>();
    parse(read("CISI.QRY")).forEach((id, fields) -> queries.put(id, fields.getOrDefault("W", "")));
    var relevant = new TreeMap<Integer, Set<Integer>>();
    for (String line : read("CISI.REL").split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      String[] parts = line.trim().split("\\s+");
      relevant
          .computeIfAbsent(Integer.parseInt(parts[0]), q -> new TreeSet<>())
          .add(Integer.parseInt(parts[1]));
    }
    relevant.keySet().retainAll(queries.keySet());
    return new CisiCollection(
        Collections.unmodifiableMap(documents),
        Collections.unmodifiableMap(queries),
        Collections.unmodifiableMap(relevant));
  }

  /** The SMART format: {@code .I n} starts a record, {@code .X} starts one of its fields. */
  static Map<Integer, Map<String, String>> parse(String text) {
    var records = new LinkedHashMap<Integer, Map<String, String>>();
    Map<String, String> current = null;
    String field = null;
    List<String> lines = new ArrayList<>();
    for (String line : (text + "\n.I 0\n").split("\n")) {
      boolean marker =
          line.length() >= 2
              && line.charAt(0) == '.'
              && Character.isUpperCase(line.charAt(1))
              && (line.length() == 2 || line.charAt(2) == ' ');
      if (!marker) {
        lines.add(line);
        continue;
      }
      if (current != null && field != null) {
        current.put(field, String.join("\n", lines).strip());
      }
      lines.clear();
      field = line.substring(1, 2);
      if (field.equals("I")) {
        int id = Integer.parseInt(line.substring(2).trim());
        current = new LinkedHashMap<>();
        if (id > 0) {
          records.put(id, current);
        }
        field = null;
      }
    }
    return records;
  }

  private static String read(String name) {
    try (InputStream in = CisiCollection.class.getResourceAsStream("/cisi/" + name)) {
      if (in == null) {
        throw new IllegalStateException(
            "the CISI collection is missing from the classpath: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r", "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
