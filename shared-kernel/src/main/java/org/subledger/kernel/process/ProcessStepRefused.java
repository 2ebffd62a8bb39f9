package org.subledger.kernel.process;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.event.DomainEvent;

/**
 * A step of a business process (a saga) sent a command that its target refused for a business reason: nothing of
 * that step was recorded, the process went on with its next events, and someone has to look at it (the "needs
 * attention" list). Example: the early-termination penalty of a subscription, refused by its account because the
 * account was closed in the meantime.
 *
 * @param refusalId the record's own id, {@code refusal:<stepId>}: the same step refused again is recorded once
 * @param process   the process, named after its processing group (e.g. {@code event-charges})
 * @param step      what the process was doing (e.g. {@code early-termination-penalty}, or a charging rule's name)
 * @param stepId    the step's deterministic id (e.g. the posting id of the charge)
 * @param subjectId what the process is about (e.g. the subscription)
 * @param target    the aggregate that refused (e.g. the account)
 * @param command   the refused command's type (e.g. {@code PostCharge})
 * @param code      the refusal's stable error code
 * @param reason    the refusal's message
 */
@Revision("1")
public record ProcessStepRefused(String refusalId, String process, String step, String stepId, String subjectId,
                                 String target, String command, ErrorCode code, String reason)
        implements DomainEvent {
}
