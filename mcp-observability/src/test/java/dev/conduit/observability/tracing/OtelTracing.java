package dev.conduit.observability.tracing;

import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real tracer for the tests: OpenTelemetry's SDK with W3C trace context and baggage, bridged to Micrometer's
 * Observation API, keeping every ended span.
 */
final class OtelTracing implements AutoCloseable {

  private final BlockingQueue<SpanData> ended = new LinkedBlockingQueue<>();
  private final List<SpanData> seen = new ArrayList<>();
  private final SdkTracerProvider provider;
  final Tracer tracer;
  final ObservationRegistry registry = ObservationRegistry.create();

  OtelTracing() {
    provider = SdkTracerProvider.builder()
        .setSampler(Sampler.alwaysOn())
        .addSpanProcessor(new SpanProcessor() {
          @Override
          public void onStart(Context parentContext, ReadWriteSpan span) {}

          @Override
          public boolean isStartRequired() {
            return false;
          }

          @Override
          public void onEnd(ReadableSpan span) {
            ended.add(span.toSpanData());
          }

          @Override
          public boolean isEndRequired() {
            return true;
          }
        })
        .build();
    OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
        .setTracerProvider(provider)
        .setPropagators(ContextPropagators.create(TextMapPropagator.composite(
            W3CTraceContextPropagator.getInstance(), W3CBaggagePropagator.getInstance())))
        .build();
    io.opentelemetry.api.trace.Tracer otel = sdk.getTracer("conduit-test");
    OtelCurrentTraceContext current = new OtelCurrentTraceContext();
    tracer = new OtelTracer(otel, current, event -> { }, new OtelBaggageManager(current, List.of("tenant"), List.of()));
    OtelPropagator propagator = new OtelPropagator(sdk.getPropagators(), otel);
    registry.observationConfig().observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
        new PropagatingSenderTracingObservationHandler<>(tracer, propagator),
        new PropagatingReceiverTracingObservationHandler<>(tracer, propagator),
        new DefaultTracingObservationHandler(tracer)));
  }

  /** Waits for an ended span that {@code matches}, remembering the others for later calls. */
  synchronized SpanData span(Predicate<SpanData> matches) throws InterruptedException {
    for (SpanData span : seen) {
      if (matches.test(span)) {
        return span;
      }
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      SpanData next = ended.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (next == null) {
        throw new AssertionError("No matching span ended; seen: " + seen.stream().map(SpanData::getName).toList());
      }
      seen.add(next);
      if (matches.test(next)) {
        return next;
      }
    }
  }

  @Override
  public void close() {
    provider.close();
  }
}
