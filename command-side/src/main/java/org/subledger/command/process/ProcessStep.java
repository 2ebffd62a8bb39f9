package org.subledger.command.process;

/**
 * A step of a process manager that sends one command: which process, what it is doing, its deterministic id (the
 * one that makes a repeat recognised, e.g. the posting id), what the process is about and which aggregate the
 * command goes to. Names the step on the "needs attention" list if the command is refused.
 */
public record ProcessStep(String process, String step, String stepId, String subjectId, String target) {
}
