package org.subledger.kernel.catalog;

import org.subledger.kernel.input.Name;

/**
 * A product type: the behaviour its products inherit. Usage conditions (enforced by the catalog): a physical good
 * type only for physical goods and a service type only for services; a flexible bundle only for termed services; a
 * fixed bundle only for termed services or physical goods; a UDR type only for usage services.
 */
public record ProductTypeDefinition(String code,
                                    @Name String name,
                                    ProductClassification classification,
                                    PhysicalGoodType physicalGoodType,
                                    ServiceType serviceType,
                                    Composition composition,
                                    boolean provisionable,
                                    String udrType) {
}
