package io.huiju.transform.validate;

/** One family of checks; it reports into the inspection and never stops the others. */
interface Rule {

    void check(Inspection in);
}
