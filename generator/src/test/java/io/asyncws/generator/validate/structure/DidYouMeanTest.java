package io.asyncws.generator.validate.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class DidYouMeanTest {
  private static final List<String> OPERATION = List.of("action", "channel", "messages", "reply", "traits", "title");

  @Test
  void swappedNeighboursAreOneEdit() {
    assertEquals(1, DidYouMean.distance("sned", "send"));
    assertEquals(Optional.of("channel"), DidYouMean.closest("cahnnel", OPERATION));
  }

  @Test
  void missingAndExtraLettersAreFound() {
    assertEquals(Optional.of("action"), DidYouMean.closest("acton", OPERATION));
    assertEquals(Optional.of("messages"), DidYouMean.closest("messagess", OPERATION));
  }

  @Test
  void caseOnlyDifferenceIsFound() {
    assertEquals(Optional.of("title"), DidYouMean.closest("Title", OPERATION));
  }

  @Test
  void unrelatedWordsGetNoSuggestion() {
    assertEquals(Optional.empty(), DidYouMean.closest("typoField", OPERATION));
    assertEquals(Optional.empty(), DidYouMean.closest("xy", OPERATION));
  }
}
