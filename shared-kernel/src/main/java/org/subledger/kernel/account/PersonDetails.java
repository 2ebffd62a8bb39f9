package org.subledger.kernel.account;

import org.subledger.kernel.PersonalData;

/** A customer who is a physical person. */
@PersonalData
public record PersonDetails(String firstName, String lastName, String identityNumber) {

    public String displayName() {
        return (firstName + " " + lastName).trim();
    }
}
