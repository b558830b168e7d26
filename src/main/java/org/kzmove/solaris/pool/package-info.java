/**
 * ZFS pools as {@code zpool status} and {@code zpool list} print them, in both directions.
 *
 * <p>What is verified and what is invented (solaris-formats.md §4): the {@code zpool status} layout,
 * column widths, status texts and the 11.0 scan lines come from Solaris 11 source; the 11.4 scan
 * lines during a resilver and the whole {@code zpool list} layout are INVENTED, and say so where
 * they are printed ({@link org.kzmove.solaris.pool.ZpoolStatusFormat},
 * {@link org.kzmove.solaris.pool.ZpoolListFormat}). Parsers read both the verified and the
 * invented forms, and keep every line they cannot place in {@code unrecognizedLines()}.
 */
package org.kzmove.solaris.pool;
