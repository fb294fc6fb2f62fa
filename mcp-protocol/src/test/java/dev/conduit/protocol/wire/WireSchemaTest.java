package dev.conduit.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.conduit.protocol.schema.SchemaFiles;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Wire conformance: every message Conduit writes when it speaks a protocol revision validates against that
 * revision's official JSON Schema.
 *
 * <p>For each revision (2024-11-05, 2025-03-26, 2025-06-18 and 2025-11-25 as legacy sessions negotiated through
 * {@code initialize}, 2026-07-28 as a modern client) the test runs one rich conversation between a real {@code
 * McpServer} and {@code McpClient} over an in-memory transport ({@link WireScenario}), records every frame in both
 * directions, and checks each frame on its own ({@link FrameChecks}): its JSON-RPC envelope; a request or
 * notification against what its sender may send in that revision and against its method's definition ({@link
 * MethodTable}); a result against the result definition of the method it answers, an error against the definition
 * of its code where the revision has one. A frame whose method the revision does not define fails, so a legacy
 * session can carry nothing that only 2026-07-28 defines. Each revision also checks that the conversation really
 * produced every kind of message and content it should ({@link Coverage}), so the test cannot pass vacuously.
 *
 * <p>The test needs the schema files: the system property {@code conduit.schema.dir} names their folder, and a
 * missing folder fails the test rather than skipping it.
 */
class WireSchemaTest {

  @TestFactory
  Stream<DynamicNode> everyFrameFitsItsRevisionsSchema() {
    SchemaFiles.root(); // fails at once, with a clear message, if the schema folder is missing
    return Arrays.stream(SchemaFiles.REVISIONS)
        .map(revision -> dynamicContainer(revision, Stream.of(revision).flatMap(WireSchemaTest::testsFor)));
  }

  private static Stream<DynamicNode> testsFor(String revision) {
    WireScenario.Transcript transcript = WireScenario.run(revision);
    MethodTable table = MethodTable.of(revision);
    Set<String> later = laterMethods(revision);
    Stream<DynamicNode> whole = Stream.of(
        dynamicTest("the scenario runs to the end", () -> {
          if (transcript.failure() != null) {
            fail(revision + " scenario failed after " + transcript.frames().size() + " frames",
                transcript.failure());
          }
        }),
        dynamicTest("the scenario sends every kind of message and content", () -> Coverage.assertCovered(transcript)),
        dynamicTest("no method that only later revisions define " + later,
            () -> assertNoLaterMethods(transcript, later)));
    Stream<DynamicNode> frames = transcript.frames().stream()
        .map(frame -> dynamicTest(frame.displayName(), () -> assertFits(frame, table)));
    return Stream.concat(whole, frames);
  }

  private static void assertFits(Frame frame, MethodTable table) {
    List<String> problems = FrameChecks.problems(frame, table);
    assertTrue(problems.isEmpty(), () -> frame.revision() + " frame " + frame.displayName()
        + " does not fit the schema:\n  " + String.join("\n  ", problems) + "\nframe: " + frame.text());
  }

  /**
   * The methods that revisions after {@code revision} define and it does not (such as {@code server/discover} or
   * {@code tasks/get}), as the schema files say through {@link MethodTable}.
   */
  private static Set<String> laterMethods(String revision) {
    MethodTable table = MethodTable.of(revision);
    Set<String> later = new TreeSet<>();
    Arrays.stream(SchemaFiles.REVISIONS).filter(r -> r.compareTo(revision) > 0).map(MethodTable::of)
        .forEach(next -> {
          later.addAll(next.requests().keySet());
          later.addAll(next.notifications().keySet());
        });
    later.removeAll(table.requests().keySet());
    later.removeAll(table.notifications().keySet());
    return later;
  }

  /** The per-frame checks already fail a method the revision does not map; this names the later ones that crossed. */
  private static void assertNoLaterMethods(WireScenario.Transcript transcript, Set<String> later) {
    List<String> sent = transcript.frames().stream()
        .filter(f -> f.kind() == Frame.Kind.REQUEST || f.kind() == Frame.Kind.NOTIFICATION)
        .filter(f -> later.contains(f.method()))
        .map(f -> "#" + f.index() + " " + f.direction() + " " + f.method())
        .toList();
    assertTrue(sent.isEmpty(), () -> transcript.revision() + " does not define " + later + " but the wire carried "
        + sent);
  }
}
