package org.subledger.command.serial;

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

    /** Releases the serial number if the subscription holds it; otherwise does nothing. */
    void release(String serialNumber, String subscriptionId);
}
