package org.subledger.command.subscription;

import org.subledger.command.serial.SerialNumbers;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Serial numbers held by subscriptions, in memory: the fixtures' stand-in for the serial-number aggregates. */
class FakeSerialNumbers implements SerialNumbers {

    final Map<String, String> heldBy = new HashMap<>();

    FakeSerialNumbers holding(String serialNumber, String subscriptionId) {
        heldBy.put(serialNumber, subscriptionId);
        return this;
    }

    @Override
    public void claim(String serialNumber, String productCode, String subscriptionId) {
        String holder = heldBy.putIfAbsent(serialNumber, subscriptionId);
        if (holder != null && !holder.equals(subscriptionId)) {
            throw new LedgerRefusal(ErrorCode.SERIAL_NUMBER_IN_USE, serialNumber + " is on " + holder);
        }
    }

    @Override
    public Optional<String> holderOf(String serialNumber) {
        return Optional.ofNullable(heldBy.get(serialNumber));
    }

    @Override
    public void release(String serialNumber, String subscriptionId) {
        heldBy.remove(serialNumber, subscriptionId);
    }
}
