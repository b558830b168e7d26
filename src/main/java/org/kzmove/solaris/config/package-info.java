/**
 * Zone configurations as {@code zonecfg info} and {@code zonecfg export} print them, in both
 * directions: {@link org.kzmove.solaris.config.ZonecfgParser} reads what a host printed, and
 * {@link org.kzmove.solaris.config.ZonecfgFormat} prints what the simulated host says. The live
 * configuration ({@code zonecfg -r}) has the same text and goes through the same classes.
 *
 * <p>Parsers are total: they never throw, and a line they do not understand is returned in
 * {@code unrecognizedLines()}, never dropped, so the console can show what it could not read.
 */
package org.kzmove.solaris.config;
