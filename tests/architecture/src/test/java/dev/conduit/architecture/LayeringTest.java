package dev.conduit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The module rules of DESIGN.md, checked on the compiled classes of every published module. */
class LayeringTest {

  /** The root package of each published module. */
  private static final List<String> MODULES =
      List.of("dev.conduit.protocol", "dev.conduit.transport", "dev.conduit.resilience",
          "dev.conduit.observability", "dev.conduit.awx", "dev.conduit.awx.simulator");

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.conduit");
  }

  @Test
  void theProtocolModuleImportsNoHttpLibraryResilienceOrMetrics() {
    noClasses().that().resideInAPackage("dev.conduit.protocol..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "okhttp3..", "okio..", "java.net.http..", "com.sun.net.httpserver..", "jakarta.servlet..",
            "javax.servlet..", "jakarta.websocket..", "javax.websocket..", "org.eclipse.jetty..",
            "org.apache.catalina..", "org.apache.tomcat..", "io.github.resilience4j..", "io.micrometer..")
        .check(classes);
  }

  /** Resilience works on any transport through the interceptor SPI, so it must not know any transport. */
  @Test
  void theResilienceModuleImportsNoTransportOrHttpLibrary() {
    noClasses().that().resideInAPackage("dev.conduit.resilience..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "dev.conduit.transport..", "okhttp3..", "okio..", "java.net.http..", "com.sun.net.httpserver..",
            "jakarta.servlet..", "javax.servlet..", "io.micrometer..")
        .check(classes);
  }

  @Test
  void theObservabilityModuleTracesOnlyThroughTheObservationApiAndLogsOnlyThroughSlf4j() {
    noClasses().that().resideInAPackage("dev.conduit.observability..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "io.micrometer.tracing..", "io.opentelemetry..", "brave..", "ch.qos.logback..", "org.apache.logging..",
            "okhttp3..", "com.sun.net.httpserver..", "jakarta.servlet..")
        .check(classes);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev.conduit.protocol", "dev.conduit.transport", "dev.conduit.resilience",
      "dev.conduit.observability", "dev.conduit.awx", "dev.conduit.awx.simulator"})
  void noModuleImportsTheInternalsOfAnother(String module) {
    noClasses().that().resideOutsideOfPackage(module + "..")
        .should().dependOnClassesThat().resideInAPackage(module + "..internal..")
        .allowEmptyShould(true)
        .check(classes);
  }

  /** The simulator is test support that any AWX client may use, so it stands on no Conduit module. */
  @Test
  void theAwxSimulatorDependsOnNoOtherConduitModule() {
    noClasses().that().resideInAPackage("dev.conduit.awx.simulator..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.conduit.protocol..", "dev.conduit.transport..",
            "dev.conduit.resilience..", "dev.conduit.observability..", "dev.conduit.samples..")
        .check(classes);
  }

  /** The AWX client and tools stand on mcp-protocol alone, so an application picks its own transport. */
  @Test
  void theAwxModuleDependsOnNoTransportResilienceOrObservabilityModule() {
    noClasses().that().resideInAPackage("dev.conduit.awx..")
        .and().resideOutsideOfPackage("dev.conduit.awx.simulator..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.conduit.transport..", "dev.conduit.resilience..",
            "dev.conduit.observability..", "dev.conduit.samples..")
        .check(classes);
  }

  /** The AWX client and tools ship without the simulator: it is a separate, test-only artifact. */
  @Test
  void theAwxModuleDoesNotUseTheSimulator() {
    noClasses().that().resideInAPackage("dev.conduit.awx..")
        .and().resideOutsideOfPackage("dev.conduit.awx.simulator..")
        .should().dependOnClassesThat().resideInAPackage("dev.conduit.awx.simulator..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void noClassUsesReactorOrReactiveStreams() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("reactor..", "org.reactivestreams..")
        .orShould().dependOnClassesThat().belongToAnyOf(java.util.concurrent.Flow.class)
        .check(classes);
  }

  @Test
  void noPublishedModuleImportsSamplesOrBenchmarks() {
    noClasses().that().resideInAnyPackage(MODULES.stream().map(m -> m + "..").toArray(String[]::new))
        .should().dependOnClassesThat().resideInAnyPackage("dev.conduit.samples..", "dev.conduit.benchmarks..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void everyPackageIsNullMarked() {
    Set<String> unmarked = new TreeSet<>();
    for (JavaClass type : classes) {
      JavaPackage pkg = type.getPackage();
      if (!pkg.isAnnotatedWith(NullMarked.class)) {
        unmarked.add(pkg.getName());
      }
    }
    assertEquals(Set.of(), unmarked, "packages without @NullMarked in package-info.java");
  }

  @Test
  void theRulesSeeTheProtocolModule() {
    assertFalse(classes.stream().noneMatch(c -> c.getPackageName().startsWith("dev.conduit.protocol")),
        "no classes imported; the rules would pass vacuously");
  }
}
