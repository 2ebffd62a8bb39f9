package org.subledger.command.serial;

import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Claims and releases serial numbers through the {@link SerialNumber} aggregates' repository, inside the calling
 * command's unit of work: the aggregate is locked and its events are committed with the caller's, in one transaction.
 */
@Component
class RepositorySerialNumbers implements SerialNumbers {

    private final Repository<SerialNumber> repository;

    RepositorySerialNumbers(@Lazy @Qualifier("serialNumberRepository") Repository<SerialNumber> repository) {
        this.repository = repository;
    }

    @Override
    public void claim(String serialNumber, String productCode, String subscriptionId) {
        load(serialNumber).execute(serial -> serial.claim(serialNumber, productCode, subscriptionId));
    }

    private Aggregate<SerialNumber> load(String serialNumber) {
        try {
            return repository.loadOrCreate(SerialNumbers.idOf(serialNumber), SerialNumber::new);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            // only the factory declares a checked exception, and SerialNumber::new throws none
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Optional<String> holderOf(String serialNumber) {
        try {
            return Optional.ofNullable(repository.load(SerialNumbers.idOf(serialNumber))
                    .invoke(SerialNumber::heldBy));
        } catch (AggregateNotFoundException neverClaimed) {
            return Optional.empty();
        }
    }

    @Override
    public void release(String serialNumber, String subscriptionId) {
        try {
            repository.load(SerialNumbers.idOf(serialNumber))
                    .execute(serial -> serial.release(subscriptionId));
        } catch (AggregateNotFoundException neverClaimed) {
            // an item recorded before serial numbers were guarded: nothing to release
        }
    }
}
