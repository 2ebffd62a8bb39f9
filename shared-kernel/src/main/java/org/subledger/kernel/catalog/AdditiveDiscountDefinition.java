package org.subledger.kernel.catalog;

import org.subledger.kernel.input.Name;

import java.util.List;

/**
 * An additive discount: given on top of the price plan's rates, ad hoc by an agent or automatically by billing when
 * its criteria hold, on the discounted products, while the definition is EFFECTIVE and within its validity (the
 * dates it may be offered). Once added it runs for its duration, at most as often as its application limit allows
 * (none: each billing period). Ad hoc discounts may need approval and may be restricted to users of the allowed
 * organisational units (none listed: everybody).
 */
public record AdditiveDiscountDefinition(String code,
                                         @Name String name,
                                         DiscountType type,
                                         DiscountClassification classification,
                                         AppliedServiceType appliedServiceType,
                                         DefinitionState state,
                                         DiscountValue discount,
                                         DiscountedProducts discountedProducts,
                                         Validity validity,
                                         DiscountDuration duration,
                                         ApplicationLimit applicationLimit,
                                         Approval approval,
                                         List<String> allowedOrganisationalUnits,
                                         DiscountCriteria criteria) {

    public AdditiveDiscountDefinition {
        discountedProducts = discountedProducts == null ? new DiscountedProducts(null, null, null)
                : discountedProducts;
        validity = validity == null ? Validity.ALWAYS : validity;
        approval = approval == null ? Approval.NONE : approval;
        allowedOrganisationalUnits = List.copyOf(allowedOrganisationalUnits == null ? List.of()
                : allowedOrganisationalUnits);
        criteria = criteria == null ? DiscountCriteria.NONE : criteria;
    }
}
