package dev.conduit.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryEventStoreTest {

  @Test
  void replaysOnlyTheLaterEventsOfTheSameStream() {
    InMemoryEventStore store = new InMemoryEventStore();
    String first = store.store("s", "a", "1");
    store.store("s", "b", "x");
    store.store("s", "a", "2");
    store.store("s", "a", "3");
    List<String> replayed = new ArrayList<>();
    assertEquals("a", store.replayAfter("s", first, (id, data) -> replayed.add(data)));
    assertEquals(List.of("2", "3"), replayed);
  }

  @Test
  void neverReplaysAnotherSessionsEvents() {
    InMemoryEventStore store = new InMemoryEventStore();
    String id = store.store("mine", "a", "secret");
    store.store("mine", "a", "more");
    assertNull(store.replayAfter("theirs", id, (eventId, data) -> { }));
  }

  @Test
  void keepsABoundedNumberOfEventsPerSession() {
    InMemoryEventStore store = new InMemoryEventStore(2);
    String evicted = store.store("s", "a", "1");
    String kept = store.store("s", "a", "2");
    store.store("s", "a", "3");
    assertNull(store.replayAfter("s", evicted, (id, data) -> { }));
    List<String> replayed = new ArrayList<>();
    store.replayAfter("s", kept, (id, data) -> replayed.add(data));
    assertEquals(List.of("3"), replayed);
  }

  @Test
  void forgetsASessionThatEnded() {
    InMemoryEventStore store = new InMemoryEventStore();
    String id = store.store("s", "a", "1");
    store.removeSession("s");
    assertNull(store.replayAfter("s", id, (eventId, data) -> { }));
  }
}
