package org.subledger.kernel.subscription;

/**
 * An installed item: an instance of a traceable physical good (a decoder, a modem) added to a subscription, known by
 * its serial number.
 */
public record InstalledItem(String serialNumber, String productCode) {
}
