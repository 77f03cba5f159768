package io.apex.temporal.perf.api;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Varied text for seeding and querying: a fixed vocabulary of made-up words, each document about
 * its own topic words, and queries drawn from a document's topic. The same seed gives the same
 * documents and queries, so two runs search the same corpus with the same questions.
 */
final class GeneratedCorpus {
  private static final String[] ONSETS = {
    "b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "br", "st", "tr",
    "pl", "gr"
  };
  private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ou", "ea"};
  private static final int VOCABULARY_SIZE = 5_000;
  private static final int TOPIC_WORDS = 40;

  private final List<String> vocabulary;

  GeneratedCorpus(long seed) {
    Random random = new Random(seed);
    Set<String> words = new LinkedHashSet<>();
    while (words.size() < VOCABULARY_SIZE) {
      StringBuilder word = new StringBuilder();
      int syllables = 2 + random.nextInt(3);
      for (int s = 0; s < syllables; s++) {
        word.append(ONSETS[random.nextInt(ONSETS.length)])
            .append(VOWELS[random.nextInt(VOWELS.length)]);
      }
      words.add(word.toString());
    }
    this.vocabulary = List.copyOf(words);
  }

  int vocabularySize() {
    return vocabulary.size();
  }

  /** Document {@code n}'s topic: the words most of its sentences are made of. */
  List<String> topic(int n) {
    Random random = new Random(31L * n + 7);
    List<String> topic = new ArrayList<>(TOPIC_WORDS);
    for (int i = 0; i < TOPIC_WORDS; i++) {
      topic.add(vocabulary.get(random.nextInt(vocabulary.size())));
    }
    return topic;
  }

  /** About {@code characters} of text for document {@code n}, in paragraphs of sentences. */
  String document(int n, int characters) {
    Random random = new Random(1_000_003L * n + 11);
    List<String> topic = topic(n);
    StringBuilder text = new StringBuilder(characters + 200);
    int sentence = 0;
    while (text.length() < characters) {
      int words = 8 + random.nextInt(9);
      for (int w = 0; w < words; w++) {
        String word =
            random.nextInt(10) < 6
                ? topic.get(random.nextInt(topic.size()))
                : vocabulary.get(random.nextInt(vocabulary.size()));
        if (w == 0) {
          text.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
        } else {
          text.append(' ').append(word);
        }
      }
      text.append(++sentence % 5 == 0 ? ".\n\n" : ". ");
    }
    return text.toString();
  }

  /** Query {@code q} over documents {@code 0..documents-1}: two to four of one's topic words. */
  String query(int q, int documents) {
    Random random = new Random(7_919L * q + 3);
    List<String> topic = topic(random.nextInt(Math.max(1, documents)));
    int words = 2 + random.nextInt(3);
    StringBuilder query = new StringBuilder();
    for (int w = 0; w < words; w++) {
      query.append(w == 0 ? "" : " ").append(topic.get(random.nextInt(topic.size())));
    }
    return query.toString();
  }
}
