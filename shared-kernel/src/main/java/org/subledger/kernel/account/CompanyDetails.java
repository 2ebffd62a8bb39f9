package org.subledger.kernel.account;

import org.subledger.kernel.PersonalData;

/** A customer who is a company: its registered name, registration number and VAT number. */
@PersonalData
public record CompanyDetails(String name, String registrationNumber, String vatNumber) {
}
