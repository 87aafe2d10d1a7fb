/**
 * Small command-line helpers shared by the examples: flag parsing with a usage message
 * ({@link org.equireg.examples.cli.Flags}), a one-line progress bar
 * ({@link org.equireg.examples.cli.ProgressBar}) and an aligned text table
 * ({@link org.equireg.examples.cli.TextTable}). JDK only.
 */
package org.equireg.examples.cli;
