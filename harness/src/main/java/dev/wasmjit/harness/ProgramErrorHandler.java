package dev.wasmjit.harness;

import dev.wasmjit.bridge.GuestError;
import dev.wasmjit.bridge.GuestException;
import dev.wasmjit.bridge.GuestExit;
import dev.wasmjit.bridge.GuestInterrupted;
import dev.wasmjit.bridge.GuestTimeout;
import dev.wasmjit.bridge.GuestTrap;
import dev.wasmjit.bridge.LinkException;
import dev.wasmjit.wasm.WasmFormatException;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

import java.io.UncheckedIOException;

/**
 * Turns a failure while a command runs into one line on stderr, {@code error: MESSAGE}, and
 * exit status 1. A program that called {@code (exit N)} is no failure: the command ends with
 * status N and says nothing. A user sees what went wrong in the program, never a Java stack trace; only a
 * failure that is a bug of wasmjit itself shows its stack trace, because that is what a bug
 * report needs.
 */
final class ProgramErrorHandler implements CommandLine.IExecutionExceptionHandler {

    /** The exit status of a program error (status 2, a usage error, is picocli's). */
    static final int PROGRAM_ERROR = 1;

    private final StandardStreams streams;

    ProgramErrorHandler(StandardStreams streams) {
        this.streams = streams;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
        if (e instanceof GuestExit exit) {
            return exit.code();
        }
        if (StoppingStdout.causedBy(e)) {
            return PROGRAM_ERROR; // Main reports the failed write, once, for every command alike
        }
        streams.err().println("error: " + message(e));
        if (!isExpected(e)) {
            e.printStackTrace(streams.err());
        }
        return PROGRAM_ERROR;
    }

    static String message(Exception e) {
        // The guest's own limits (recursion too deep, heap exhausted) are traps of a documented
        // kind whose cause is the guest's error: its message already says what happened.
        if (e instanceof GuestError || e instanceof GuestTrap && e.getCause() instanceof GuestError) {
            return e.getMessage();
        }
        if (e instanceof GuestTimeout timeout) {
            return "timed out: stopped after the --timeout of " + DurationConverter.format(timeout.deadline());
        }
        if (e instanceof GuestInterrupted) {
            return "interrupted";
        }
        if (e instanceof GuestTrap) {
            return "the guest trapped: " + e.getMessage();
        }
        if (e instanceof GuestExit) {
            return "the guest exited: " + e.getMessage();
        }
        if (e instanceof LinkException) {
            return "could not link the JIT module: " + e.getMessage();
        }
        if (e instanceof UncheckedIOException io) {
            return e.getMessage() + ": " + reason(io.getCause());
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    /**
     * What went wrong with a file, in words: a {@link java.nio.file.FileSystemException}'s
     * message is often only the path ({@code AccessDeniedException: /x}).
     */
    static String reason(java.io.IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    /**
     * Failures of the guest, of a module the user gave (the static linker's
     * {@link WasmFormatException} included), or of the file system are the user's
     * to fix; anything else is ours.
     */
    private static boolean isExpected(Exception e) {
        return e instanceof GuestException || e instanceof UncheckedIOException
                || e instanceof IllegalStateException || e instanceof WasmFormatException;
    }
}
