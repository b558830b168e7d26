/** Line handling shared by the Solaris output parsers and formatters, so all agree on what a line is. */
package org.kzmove.solaris.text;
