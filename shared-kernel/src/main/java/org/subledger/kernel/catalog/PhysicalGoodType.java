package org.subledger.kernel.catalog;

/** Physical goods traced one by one by serial number (a modem), or counted by quantity (a remote control). */
public enum PhysicalGoodType {
    TRACEABLE,
    NON_TRACEABLE
}
