package org.subledger.kernel.account;

import org.subledger.kernel.PersonalData;

/** How to reach the customer and where to send bills. Every part is optional. */
@PersonalData
public record ContactDetails(String email, String phone, String address) {

    public static ContactDetails none() {
        return new ContactDetails(null, null, null);
    }
}
