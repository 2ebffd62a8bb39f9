package org.subledger.query.billing;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Turns a bill's HTML (well-formed XHTML, as the templates are written) into PDF with openhtmltopdf on PDFBox. */
@Component
class BillPdf {

    byte[] render(String html, String baseUri) {
        var pdf = new ByteArrayOutputStream();
        try {
            var builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(html, baseUri);
            builder.toStream(pdf);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("The bill could not be rendered to PDF", e);
        }
        return pdf.toByteArray();
    }
}
