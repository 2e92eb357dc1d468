package bkops.config;

/** What the business id means to Standard OPS: a CMDB business or a Standard OPS project. */
public enum Scope {
    CMDB_BIZ, PROJECT;

    /** The value of the API's {@code bk_biz_id} scope field. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
