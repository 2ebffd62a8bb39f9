package org.subledger.kernel.subscription.query;

/**
 * Where the item with this serial number is installed, or was last installed if it was taken off. Answer:
 * {@code Optional<InstalledItemRecord>}.
 */
public record FindInstalledItem(String serialNumber) {
}
