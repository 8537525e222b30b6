package io.hostk8s.dev.debug.java;

import com.microsoft.java.debug.core.IEvaluatableBreakpoint;
import com.microsoft.java.debug.core.adapter.IEvaluationProvider;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.Value;
import java.util.concurrent.CompletableFuture;

/**
 * No expression evaluation (java-debug leaves the compiler to its host). Every call fails at once with a clear
 * message: the evaluate request, breakpoint conditions and logpoints report it; the Variables view falls back
 * to plain field lists where java-debug would call {@code toString()} or a collection's {@code size()}.
 */
final class NoEvaluation implements IEvaluationProvider {
  @Override
  public boolean isInEvaluation(ThreadReference thread) {
    return false;
  }

  @Override
  public CompletableFuture<Value> evaluate(String expression, ThreadReference thread, int depth) {
    return CompletableFuture.failedFuture(Unsupported.exception(Unsupported.EVALUATE));
  }

  @Override
  public CompletableFuture<Value> evaluate(String expression, ObjectReference thisContext, ThreadReference thread) {
    return CompletableFuture.failedFuture(Unsupported.exception(Unsupported.EVALUATE));
  }

  @Override
  public CompletableFuture<Value> evaluateForBreakpoint(IEvaluatableBreakpoint breakpoint, ThreadReference thread) {
    return CompletableFuture.failedFuture(Unsupported.exception(Unsupported.CONDITIONS));
  }

  @Override
  public CompletableFuture<Value> invokeMethod(ObjectReference thisContext, String methodName, String methodSignature,
      Value[] args, ThreadReference thread, boolean invokeSuper) {
    return CompletableFuture.failedFuture(Unsupported.exception(Unsupported.EVALUATE));
  }

  @Override
  public void clearState(ThreadReference thread) {
    // nothing evaluated, nothing to clear
  }
}
