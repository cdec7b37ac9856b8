package dev.ticketingwarrior.admission;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * When a test fails because a call was never answered (a {@link TimeoutException} anywhere in the cause chain), prints
 * every thread's stack, with locks, before the failure is reported: the server runs in the test's JVM, so the dump
 * shows what its event loops were doing. Rare hangs on a loaded machine (one request in hundreds, seen with both the
 * Reactor Netty and the JDK client) are otherwise impossible to explain after the fact.
 */
final class ThreadDumpOnTimeout implements TestExecutionExceptionHandler {

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        if (causedByTimeout(failure)) {
            StringBuilder dump = new StringBuilder("thread dump after a timeout in ")
                    .append(context.getDisplayName())
                    .append(":\n");
            for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
                // ThreadInfo.toString() stops at 8 frames
                dump.append('"').append(thread.getThreadName()).append("\" ").append(thread.getThreadState());
                if (thread.getLockName() != null) {
                    dump.append(" on ").append(thread.getLockName());
                }
                if (thread.getLockOwnerName() != null) {
                    dump.append(" owned by \"")
                            .append(thread.getLockOwnerName())
                            .append('"');
                }
                dump.append('\n');
                for (StackTraceElement frame : thread.getStackTrace()) {
                    dump.append("\tat ").append(frame).append('\n');
                }
                dump.append('\n');
            }
            System.err.println(dump);
        }
        throw failure;
    }

    private static boolean causedByTimeout(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }
}
