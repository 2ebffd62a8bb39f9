package org.subledger.kernel.catalog;

/** A provisioning provider, a third-party system that switches services on and off (e.g. "Nagra Media Live"). */
public record ProviderDefinition(String code, String name) {
}
