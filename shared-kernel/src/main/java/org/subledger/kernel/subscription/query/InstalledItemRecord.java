package org.subledger.kernel.subscription.query;

import java.time.LocalDate;

/**
 * Where an installed item (a traceable physical good, by serial number) is or was: the subscription and account it
 * was installed for, and when it was installed and taken off ({@code removedOn} null while still installed).
 */
public record InstalledItemRecord(String serialNumber,
                                  String productCode,
                                  String subscriptionId,
                                  String accountId,
                                  LocalDate installedOn,
                                  LocalDate removedOn) {
}
