package dev.conduit.protocol.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.protocol.McpException;
import dev.conduit.protocol.internal.Cancellation;
import dev.conduit.protocol.jsonrpc.JsonPayload;
import dev.conduit.protocol.schema.InputRequest;
import dev.conduit.protocol.schema.InputRequiredResult;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * An asynchronous handler's call on a 2026-07-28 request, held open across input rounds instead of being run again.
 *
 * <p>Each round is one request of the client's: the first, then a retry per {@code input_required} result. While a
 * round is open its response waits here; when the handler asks for input ({@link #ask}) the round ends with an
 * {@code input_required} result carrying every question not yet answered, and when it finishes the open round (or
 * the next, if none is open) gets its result. A retry answers questions by their keys; a question left unanswered is
 * asked again. The call is cancelled when the client cancels a round or does not come back in time.
 *
 * <p>State changes under the lock; futures complete and callbacks run after it is released.
 */
final class HeldCall {

  private final HeldRounds rounds;
  private final Supplier<RequestStates.Binding> bindingOfRequest;
  private RequestStates.@Nullable Binding binding;
  private final Cancellation cancellation;
  private final Map<String, Question> questions = new LinkedHashMap<>();
  private @Nullable CompletableFuture<JsonPayload> open;
  private @Nullable RoundTarget target;
  private @Nullable CompletionStage<JsonPayload> handler;
  private @Nullable String id;
  private @Nullable ScheduledFuture<?> expiry;
  private int asked;
  private int round;
  private boolean finished;
  private boolean over;
  private @Nullable JsonPayload result;
  private @Nullable Throwable failure;

  /** A question and the stage its answer completes. */
  private record Question(InputRequest request, CompletableFuture<JsonPayload> answer) {}

  /**
   * @param request what a retry must match, worked out only if the call is held (it digests the parameters)
   * @param first the response of the call's first request, open until the first round ends
   * @param cancellation the first request's cancellation, which the handler's context watches: the call's
   */
  HeldCall(HeldRounds rounds, Supplier<RequestStates.Binding> request, Cancellation cancellation,
      CompletableFuture<JsonPayload> first, RoundTarget target) {
    this.rounds = rounds;
    this.bindingOfRequest = request;
    this.cancellation = cancellation;
    this.open = first;
    this.target = target;
  }

  /** The handler's stage, cancelled with the call. */
  void handler(CompletionStage<JsonPayload> stage) {
    this.handler = stage;
  }

  /** Where the handler's notifications go now; {@code null} between rounds, when the client waits on nothing. */
  synchronized @Nullable RoundTarget target() {
    return target;
  }

  /** Asks the client a question, in the round open now or the next one. */
  CompletionStage<JsonPayload> ask(InputRequest request) {
    CompletableFuture<JsonPayload> answer = new CompletableFuture<>();
    Runnable then;
    synchronized (this) {
      if (finished || over) {
        return CompletableFuture.failedFuture(new CancellationException("The request is over"));
      }
      if (id == null) {
        try {
          binding = bindingOfRequest.get();
          id = rounds.hold(this);
        } catch (McpException e) {
          return CompletableFuture.failedFuture(e);
        }
      }
      questions.put("input-" + (++asked), new Question(request, answer));
      then = endRound();
    }
    then.run();
    return answer;
  }

  /** The handler's stage completed. */
  void finish(@Nullable JsonPayload value, @Nullable Throwable error) {
    Runnable then;
    synchronized (this) {
      finished = true;
      result = value;
      failure = error;
      then = endRound();
    }
    then.run();
  }

  /**
   * The client retried: its answers go to the questions they name, and the retry's response waits for what comes
   * next.
   *
   * @throws McpException with code -32602 if the retry belongs to another request or to an earlier round
   */
  CompletableFuture<JsonPayload> resume(
      int ticketRound, RequestStates.Binding retry, @Nullable JsonNode answers, RoundTarget next,
      Cancellation retryCancellation) {
    CompletableFuture<JsonPayload> response = new CompletableFuture<>();
    List<Runnable> answered = new ArrayList<>();
    Runnable then;
    synchronized (this) {
      if (over) {
        throw McpException.invalidParams("Invalid requestState: the input round is unknown or has expired");
      }
      if (!retry.equals(binding)) {
        throw McpException.invalidParams("Invalid requestState: it belongs to another request");
      }
      if (ticketRound != round || open != null) {
        throw McpException.invalidParams("Invalid requestState: that input round is over");
      }
      if (expiry != null) {
        expiry.cancel(false);
      }
      for (Iterator<Map.Entry<String, Question>> it = questions.entrySet().iterator(); it.hasNext(); ) {
        Map.Entry<String, Question> question = it.next();
        JsonNode answer = answers == null ? null : answers.get(question.getKey());
        if (answer != null) {
          it.remove();
          answered.add(() -> question.getValue().answer().complete(JsonPayload.of(answer)));
        }
      }
      open = response;
      target = next;
      then = endRound();
    }
    retryCancellation.onCancel(() -> cancel("The client cancelled the request"));
    answered.forEach(Runnable::run);
    then.run();
    return response;
  }

  /** The client did not come back in time. */
  void expire() {
    cancel("The client did not answer in time");
  }

  private void cancel(String reason) {
    CompletableFuture<JsonPayload> waiting;
    List<Question> unanswered;
    synchronized (this) {
      if (over) {
        return;
      }
      over = true;
      waiting = open;
      open = null;
      target = null;
      unanswered = new ArrayList<>(questions.values());
      questions.clear();
      release();
    }
    unanswered.forEach(question -> question.answer().completeExceptionally(new CancellationException(reason)));
    cancellation.cancel(reason);
    if (handler != null) {
      handler.toCompletableFuture().cancel(true);
    }
    if (waiting != null) {
      waiting.cancel(true);
    }
  }

  /** What to do once the lock is released: answer the open round if the call has something to say. */
  private Runnable endRound() {
    CompletableFuture<JsonPayload> waiting = open;
    if (waiting == null) {
      return () -> { };
    }
    if (finished) {
      over = true;
      open = null;
      target = null;
      release();
      JsonPayload value = result;
      Throwable error = failure;
      return () -> {
        if (error != null) {
          waiting.completeExceptionally(error);
        } else {
          waiting.complete(value);
        }
      };
    }
    if (questions.isEmpty()) {
      return () -> { };
    }
    open = null;
    target = null;
    round++;
    Map<String, InputRequest> asking = new LinkedHashMap<>();
    questions.forEach((key, question) -> asking.put(key, question.request()));
    JsonPayload required = JsonPayload.of(InputRequiredResult.of(asking, rounds.state(id, round)));
    expiry = rounds.expireLater(this);
    return () -> waiting.complete(required);
  }

  private void release() {
    if (expiry != null) {
      expiry.cancel(false);
    }
    if (id != null) {
      rounds.release(id);
    }
  }
}
