package org.subledger.command.serial;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.subscription.SerialNumberClaimed;
import org.subledger.kernel.subscription.SerialNumberReleased;

import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A traceable item's serial number and the subscription it is installed on, if any. Owns the invariant that a
 * serial number is on one subscription at a time. It takes no commands of its own: a subscription's command handler
 * loads it from its repository in the same unit of work (see {@link RepositorySerialNumbers}), so the event store's
 * unique (aggregate id, sequence number) turns two subscriptions claiming it at once into one failing commit.
 */
@Aggregate
class SerialNumber {

    @AggregateIdentifier
    private String id;
    private String serialNumber;
    private String productCode;
    /** The subscription holding it; {@code null}: free. */
    private String heldBy;

    SerialNumber() {
        // for Axon's event sourcing, and for a serial number never claimed before
    }

    void claim(String serial, String product, String subscriptionId) {
        if (subscriptionId.equals(heldBy)) {
            return;
        }
        if (heldBy != null) {
            throw new LedgerRefusal(ErrorCode.SERIAL_NUMBER_IN_USE, "Serial number " + serial
                    + " is installed on subscription " + heldBy,
                    Map.of("serialNumber", "is installed on another subscription"));
        }
        apply(new SerialNumberClaimed(serial, product, subscriptionId));
    }

    void release(String subscriptionId) {
        if (heldBy != null && heldBy.equals(subscriptionId)) {
            apply(new SerialNumberReleased(serialNumber, productCode, subscriptionId));
        }
    }

    String heldBy() {
        return heldBy;
    }

    @EventSourcingHandler
    void on(SerialNumberClaimed event) {
        id = SerialNumbers.idOf(event.serialNumber());
        serialNumber = event.serialNumber();
        productCode = event.productCode();
        heldBy = event.subscriptionId();
    }

    @EventSourcingHandler
    void on(SerialNumberReleased event) {
        heldBy = null;
    }

    @Override
    public String toString() {
        return "SerialNumber[" + serialNumber + (heldBy == null ? ", free]" : ", on " + heldBy + "]");
    }
}
