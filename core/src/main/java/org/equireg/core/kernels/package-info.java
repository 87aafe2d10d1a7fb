/**
 * Stateless numeric kernels over {@code double[]} with offsets and lengths; they know nothing of the graph.
 */
package org.equireg.core.kernels;
