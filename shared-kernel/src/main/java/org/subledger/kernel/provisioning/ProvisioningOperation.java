package org.subledger.kernel.provisioning;

/** What a provisioning request asks a provider to do with a product on a distributor (device). */
public enum ProvisioningOperation {
    ACTIVATE,
    DEACTIVATE
}
