package org.subledger.kernel.catalog;

import org.subledger.kernel.input.Name;

/** A provisioning provider, a third-party system that switches services on and off (e.g. "Nagra Media Live"). */
public record ProviderDefinition(String code, @Name String name) {
}
