package io.apex.temporal.ingestion.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/** Keeps the k best-scoring neighbours offered to it. */
final class TopNeighbours {
  private static final Comparator<Neighbour> BY_SCORE =
      Comparator.comparingDouble(Neighbour::score)
          .thenComparing(Neighbour::documentId, Comparator.reverseOrder())
          .thenComparing(Neighbour::chunkIndex, Comparator.reverseOrder());

  private final int k;
  private final PriorityQueue<Neighbour> heap;

  TopNeighbours(int k) {
    this.k = k;
    this.heap = new PriorityQueue<>(k + 1, BY_SCORE);
  }

  void offer(Neighbour n) {
    heap.add(n);
    if (heap.size() > k) {
      heap.poll();
    }
  }

  /** Best first. */
  List<Neighbour> best() {
    var out = new ArrayList<>(heap);
    out.sort(BY_SCORE.reversed());
    return out;
  }
}
