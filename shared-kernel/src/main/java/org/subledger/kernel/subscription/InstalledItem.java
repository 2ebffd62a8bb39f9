package org.subledger.kernel.subscription;

import org.subledger.kernel.input.Name;

/**
 * An installed item: an instance of a traceable physical good (a decoder, a modem) added to a subscription, known by
 * its serial number.
 */
public record InstalledItem(@Name(max = 100) String serialNumber, String productCode) {
}
