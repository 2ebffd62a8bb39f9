package org.subledger.kernel.process.query;

/**
 * A page of the refused process steps, newest first; {@code includeResolved} false lists only those still needing
 * attention. Answer: {@link AttentionPage}.
 */
public record ListAttentionItems(boolean includeResolved, int page, int size) {
}
