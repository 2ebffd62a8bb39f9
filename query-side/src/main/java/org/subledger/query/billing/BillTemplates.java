package org.subledger.query.billing;

import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Renders a bill to HTML with the operator's {@code bill.html} from {@code ledger.bills.template-dir} when there is
 * one, else with the one shipped in the jar ({@code bill-templates/bill.html}). The operator's template is read
 * afresh for every bill, so a change shows on the next bill without a restart; the shipped one is cached.
 */
@Component
class BillTemplates {

    static final String TEMPLATE = "bill";
    private static final String SHIPPED = "bill-templates/";

    private final TemplateEngine engine = new TemplateEngine();
    private final Path templateDir;

    BillTemplates(BillDocumentProperties properties) {
        this.templateDir = properties.templateDir();
        if (templateDir != null) {
            var operators = new FileTemplateResolver();
            operators.setPrefix(templateDir.toAbsolutePath() + "/");
            configure(operators, 1);
            operators.setCheckExistence(true);
            operators.setCacheable(false);
            engine.addTemplateResolver(operators);
        }
        var shipped = new ClassLoaderTemplateResolver(BillTemplates.class.getClassLoader());
        shipped.setPrefix(SHIPPED);
        configure(shipped, 2);
        engine.addTemplateResolver(shipped);
    }

    private static void configure(org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver resolver,
                                  int order) {
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setOrder(order);
    }

    String html(BillDocument bill) {
        var context = new Context(Locale.ROOT);
        context.setVariable("bill", bill);
        return engine.process(TEMPLATE, context);
    }

    /** Where the template's relative addresses (CSS, images, fonts) are resolved: its own directory. */
    String baseUri() {
        try {
            if (templateDir != null && Files.isRegularFile(templateDir.resolve(TEMPLATE + ".html"))) {
                return templateDir.toAbsolutePath().toUri().toURL().toExternalForm();
            }
            URL shipped = BillTemplates.class.getClassLoader().getResource(SHIPPED + TEMPLATE + ".html");
            return shipped == null ? null : new URL(shipped, ".").toExternalForm();
        } catch (MalformedURLException e) {
            throw new IllegalStateException("The bill template's address is not a URL", e);
        }
    }
}
