package org.subledger.command.serial;

import java.util.Optional;

/**
 * Which subscription holds each traceable installed item, by serial number: an item is installed on one subscription
 * at a time. Called by a subscription's command handler inside its unit of work, so the claim or release is committed
 * with the subscription's event in the same transaction, or not at all. Injected as a handler parameter.
 */
public interface SerialNumbers {

    /** The id of the aggregate that guards a serial number: the serial alone, as a subscription keys its items. */
    static String idOf(String serialNumber) {
        return "serial-number:" + serialNumber;
    }

    /**
     * Claims the serial number for the subscription; claiming it again for the same one does nothing.
     *
     * @throws org.subledger.kernel.error.LedgerRefusal {@code SERIAL_NUMBER_IN_USE} when another subscription holds it
     */
    void claim(String serialNumber, String productCode, String subscriptionId);

    /**
     * Who holds the serial number now (a subscription id, or {@code job:<id>} for a good on a job that orders
     * nothing); empty when it is free or was never claimed.
     */
    Optional<String> holderOf(String serialNumber);

    /** Releases the serial number if the subscription holds it; otherwise does nothing. */
    void release(String serialNumber, String subscriptionId);
}
