package org.subledger.query.catalog;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.subledger.kernel.catalog.PricePlanDefinition;
import org.subledger.kernel.catalog.RateClassification;
import org.subledger.kernel.catalog.UsageCatalogDefinition;
import org.subledger.kernel.catalog.query.CatalogEntry;
import org.subledger.kernel.catalog.query.CatalogEntryPage;
import org.subledger.kernel.catalog.query.CatalogKind;
import org.subledger.kernel.catalog.query.ListCatalogEntries;
import org.subledger.kernel.catalog.query.PriceVersion;
import org.subledger.kernel.rating.Rate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The catalog read models the projections keep ({@code catalog_entry}, {@code price_version}), read for the catalog
 * queries and for pricing. Lists are in code order; price versions by product, then version.
 */
@Component
public class CatalogReadModel {

    /** The largest page any catalog list returns, whoever asks. */
    public static final int MAX_PAGE_SIZE = 500;

    private static final String ENTRY_COLUMNS = """
            kind, code, name, product_type_code, family, valid_from, valid_to, provider_code, definition::text,
            created_at, updated_at, version""";

    private static final RowMapper<CatalogEntry> ENTRY = (rs, row) -> {
        CatalogKind kind = CatalogKind.valueOf(rs.getString("kind"));
        return new CatalogEntry(kind,
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("product_type_code"),
                rs.getString("family"),
                rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class),
                rs.getString("provider_code"),
                CatalogJson.inDeclarationOrder(kind, rs.getString("definition")),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                rs.getLong("version"));
    };

    private static final RowMapper<PriceVersion> VERSION = (rs, row) -> new PriceVersion(
            rs.getString("price_plan_code"),
            rs.getString("product_code"),
            rs.getInt("version"),
            RateClassification.valueOf(rs.getString("classification")),
            rs.getObject("effective_from", LocalDate.class),
            rs.getObject("effective_to", LocalDate.class),
            CatalogJson.read(rs.getString("rate"), Rate.class));

    private final NamedParameterJdbcTemplate jdbc;

    CatalogReadModel(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CatalogEntry> entry(CatalogKind kind, String code) {
        return jdbc.query("select " + ENTRY_COLUMNS + " from catalog_entry where kind = :kind and code = :code",
                new MapSqlParameterSource("kind", kind.name()).addValue("code", code), ENTRY).stream().findFirst();
    }

    public boolean exists(CatalogKind kind, String code) {
        Boolean exists = jdbc.queryForObject("select exists (select 1 from catalog_entry where kind = :kind"
                        + " and code = :code)", new MapSqlParameterSource("kind", kind.name()).addValue("code", code),
                Boolean.class);
        return Boolean.TRUE.equals(exists);
    }

    public Optional<PricePlanDefinition> pricePlan(String code) {
        return definition(CatalogKind.PRICE_PLAN, code, PricePlanDefinition.class);
    }

    public Optional<UsageCatalogDefinition> usageCatalog(String code) {
        return definition(CatalogKind.USAGE_CATALOG, code, UsageCatalogDefinition.class);
    }

    public CatalogEntryPage list(ListCatalogEntries query) {
        int page = Math.max(query.page(), 0);
        int size = Math.min(Math.max(query.size(), 1), MAX_PAGE_SIZE);
        var parameters = new MapSqlParameterSource("kind", query.kind().name())
                .addValue("limit", size).addValue("offset", (long) page * size);
        var where = new StringBuilder(" where kind = :kind");
        if (query.productTypeCode() != null) {
            where.append(" and product_type_code = :type");
            parameters.addValue("type", query.productTypeCode());
        }
        if (query.family() != null) {
            where.append(" and family = :family");
            parameters.addValue("family", query.family());
        }
        if (query.validOn() != null) {
            where.append(" and (valid_from is null or valid_from <= :validOn)")
                    .append(" and (valid_to is null or valid_to >= :validOn)");
            parameters.addValue("validOn", query.validOn());
        }
        List<CatalogEntry> content = jdbc.query("select " + ENTRY_COLUMNS + " from catalog_entry" + where
                + " order by code limit :limit offset :offset", parameters, ENTRY);
        Long total = jdbc.queryForObject("select count(*) from catalog_entry" + where, parameters, Long.class);
        return new CatalogEntryPage(content, page, size, total == null ? 0 : total);
    }

    /** The plan's price versions, of every product or of one ({@code productCode} not null). */
    public List<PriceVersion> priceVersions(String pricePlanCode, String productCode) {
        var parameters = new MapSqlParameterSource("plan", pricePlanCode);
        String product = "";
        if (productCode != null) {
            product = " and product_code = :product";
            parameters.addValue("product", productCode);
        }
        return jdbc.query("""
                select price_plan_code, product_code, version, classification, effective_from, effective_to,
                       rate::text as rate
                from price_version where price_plan_code = :plan""" + product
                + " order by product_code, version", parameters, VERSION);
    }

    public Optional<PriceVersion> rateInForce(String pricePlanCode, String productCode, LocalDate date) {
        return PriceHistory.inForceOn(priceVersions(pricePlanCode, productCode), date);
    }

    private <T> Optional<T> definition(CatalogKind kind, String code, Class<T> type) {
        return jdbc.query("select definition::text from catalog_entry where kind = :kind and code = :code",
                        new MapSqlParameterSource("kind", kind.name()).addValue("code", code),
                        (rs, row) -> CatalogJson.read(rs.getString(1), type))
                .stream().findFirst();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
