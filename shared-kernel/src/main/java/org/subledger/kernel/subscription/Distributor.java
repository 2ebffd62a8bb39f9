package org.subledger.kernel.subscription;

import org.subledger.kernel.input.Name;

/**
 * A subscription (provisioning) distributor: relates the subscription's services and devices to a provisioning
 * provider allowed by its subscription type, and controls which services are available on which device when the
 * subscription has several. Neither a service nor hardware. An effective subscription needs at least one.
 */
public record Distributor(@Name(max = 100) String distributorId, String providerCode) {
}
