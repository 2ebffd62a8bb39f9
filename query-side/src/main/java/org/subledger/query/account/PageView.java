package org.subledger.query.account;

import java.util.List;
import java.util.function.Function;

/** One page of a longer list: {@code page} counts from 0; {@code totalPages} is 0 when the list is empty. */
public record PageView<T>(List<T> content, int page, int size, long totalElements, long totalPages) {

    public static <S, T> PageView<T> of(List<S> content, Function<S, T> view, int page, int size,
                                        long totalElements) {
        return new PageView<>(content.stream().map(view).toList(), page, size, totalElements,
                totalPages(totalElements, size));
    }

    static long totalPages(long totalElements, int size) {
        return size <= 0 ? 0 : (totalElements + size - 1) / size;
    }
}
