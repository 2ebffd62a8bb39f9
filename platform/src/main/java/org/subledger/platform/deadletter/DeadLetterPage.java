package org.subledger.platform.deadletter;

import java.util.List;

/** A page of a listing, newest last for dead letters and newest first for actions. */
public record DeadLetterPage<T>(List<T> content, int page, int size, long totalElements, long totalPages) {

    static <T> DeadLetterPage<T> of(List<T> content, int page, int size, long totalElements) {
        return new DeadLetterPage<>(content, page, size, totalElements, (totalElements + size - 1) / size);
    }
}
