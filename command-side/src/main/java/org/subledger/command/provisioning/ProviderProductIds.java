package org.subledger.command.provisioning;

import java.util.Optional;

/** The id a provider knows a product by, from the catalog ({@code ProductDefinition.providerProductIds()}). */
public interface ProviderProductIds {

    Optional<String> of(String productCode, String provider);
}
