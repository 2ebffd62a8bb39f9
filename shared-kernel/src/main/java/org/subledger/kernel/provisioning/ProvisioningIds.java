package org.subledger.kernel.provisioning;

/** Deterministic provisioning request ids: one subscription event asks each provider/distributor/product once. */
public final class ProvisioningIds {

    public static final String PREFIX = "provisioning:";

    private ProvisioningIds() {
    }

    public static String requestId(String subscriptionId, long eventSequence, String provider, String distributorId,
                                   String productCode) {
        return PREFIX + subscriptionId + ":" + eventSequence + ":" + provider + ":" + distributorId + ":"
                + productCode;
    }
}
