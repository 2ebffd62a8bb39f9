package org.subledger.kernel.process.query;

import java.util.List;

/** One page of the "needs attention" list, newest first. */
public record AttentionPage(List<AttentionItem> content, int page, int size, long totalElements) {
    public AttentionPage {
        content = List.copyOf(content);
    }
}
