package io.apex.temporal.ingestion.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Varied short passages built from word lists, as many as a test asks for. */
final class GeneratedCorpus {
  private static final List<String> SUBJECTS =
      List.of(
          "The harbour pilot",
          "A young botanist",
          "The city council",
          "Our night nurse",
          "The chess club",
          "A retired engineer",
          "The orchestra",
          "The bakery owner",
          "A wildlife ranger",
          "The software team",
          "The mountain guide",
          "A tax auditor",
          "The museum curator",
          "The fishing crew",
          "A school teacher",
          "The railway signaller");
  private static final List<String> ACTIONS =
      List.of(
          "repaired",
          "studied",
          "photographed",
          "argued about",
          "measured",
          "painted",
          "catalogued",
          "rebuilt",
          "inspected",
          "sold",
          "moved",
          "protected",
          "designed",
          "tested",
          "cleaned",
          "insured");
  private static final List<String> OBJECTS =
      List.of(
          "the old lighthouse",
          "a field of sunflowers",
          "the tram timetable",
          "a broken violin",
          "the invoice backlog",
          "a nest of falcons",
          "the database cluster",
          "a wooden canoe",
          "the winter vaccine stock",
          "a medieval map",
          "the solar panels",
          "a herd of goats",
          "the bridge cables",
          "a stack of tax forms",
          "the coral reef",
          "the signal box");
  private static final List<String> PLACES =
      List.of(
          "near the northern fjord",
          "in a crowded market",
          "during the storm",
          "before the election",
          "at the research station",
          "behind the cathedral",
          "on the night shift",
          "after the flood",
          "in the desert camp",
          "at the border crossing",
          "inside the old mill",
          "under the motorway");

  private GeneratedCorpus() {}

  static List<String> passages(int count, long seed) {
    var random = new Random(seed);
    var out = new ArrayList<String>(count);
    for (int i = 0; i < count; i++) {
      out.add(
          pick(random, SUBJECTS)
              + " "
              + pick(random, ACTIONS)
              + " "
              + pick(random, OBJECTS)
              + " "
              + pick(random, PLACES)
              + ", and "
              + pick(random, SUBJECTS).toLowerCase()
              + " "
              + pick(random, ACTIONS)
              + " "
              + pick(random, OBJECTS)
              + " "
              + pick(random, PLACES)
              + ".");
    }
    return out;
  }

  private static String pick(Random random, List<String> words) {
    return words.get(random.nextInt(words.size()));
  }
}
