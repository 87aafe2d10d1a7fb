/**
 * The safetensors file format behind {@link org.equireg.core.SafeTensors}: element types
 * ({@link org.equireg.core.io.Dtype}), a strict header parser, the bounded reader, the atomic
 * writer ({@link org.equireg.core.io.AtomicFile}) and the limits a reader enforces
 * ({@link org.equireg.core.io.ReadLimits}).
 *
 * <p>Format (<a href="https://github.com/huggingface/safetensors">huggingface/safetensors</a>):
 * an 8-byte little-endian unsigned header length {@code N}; {@code N} bytes of UTF-8 JSON, an
 * object mapping each tensor name to {@code {"dtype", "shape", "data_offsets": [begin, end]}}
 * plus an optional {@code "__metadata__"} object of strings, padded with spaces; then the data
 * section, little-endian and row-major, which the tensors' byte ranges cover exactly, without
 * holes or overlaps.
 *
 * <p>A file that breaks the format makes the reader throw a
 * {@link org.equireg.core.io.MalformedSafeTensorsException} (an {@link java.io.IOException})
 * naming the problem; sizes are checked before anything is allocated for them.
 */
package org.equireg.core.io;
