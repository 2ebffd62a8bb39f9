package org.subledger.kernel.scheduling;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.subledger.kernel.subscription.ActivateSubscription;
import org.subledger.kernel.subscription.AddDistributor;
import org.subledger.kernel.subscription.AddInstalledItem;
import org.subledger.kernel.subscription.AddService;
import org.subledger.kernel.subscription.AmendBillingTerms;
import org.subledger.kernel.subscription.DeactivateSubscription;
import org.subledger.kernel.subscription.ReactivateSubscription;
import org.subledger.kernel.subscription.RemoveDistributor;
import org.subledger.kernel.subscription.RemoveInstalledItem;
import org.subledger.kernel.subscription.RemoveService;
import org.subledger.kernel.subscription.SwapInstalledItem;
import org.subledger.kernel.subscription.SwapService;
import org.subledger.kernel.subscription.TerminateSubscription;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the field holding the subscription command a scheduled action runs, so it is stored as JSON with a type
 * name: only the subscription actions listed here can be scheduled (an explicit list, never a class name from the
 * stored data). Creating a subscription is not among them.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@com.fasterxml.jackson.annotation.JacksonAnnotationsInside
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ActivateSubscription.class, name = "ActivateSubscription"),
        @JsonSubTypes.Type(value = AddService.class, name = "AddService"),
        @JsonSubTypes.Type(value = RemoveService.class, name = "RemoveService"),
        @JsonSubTypes.Type(value = SwapService.class, name = "SwapService"),
        @JsonSubTypes.Type(value = AddInstalledItem.class, name = "AddInstalledItem"),
        @JsonSubTypes.Type(value = SwapInstalledItem.class, name = "SwapInstalledItem"),
        @JsonSubTypes.Type(value = RemoveInstalledItem.class, name = "RemoveInstalledItem"),
        @JsonSubTypes.Type(value = AddDistributor.class, name = "AddDistributor"),
        @JsonSubTypes.Type(value = RemoveDistributor.class, name = "RemoveDistributor"),
        @JsonSubTypes.Type(value = AmendBillingTerms.class, name = "AmendBillingTerms"),
        @JsonSubTypes.Type(value = DeactivateSubscription.class, name = "DeactivateSubscription"),
        @JsonSubTypes.Type(value = ReactivateSubscription.class, name = "ReactivateSubscription"),
        @JsonSubTypes.Type(value = TerminateSubscription.class, name = "TerminateSubscription")
})
public @interface ScheduledCommand {
}
