/**
 * PyTorch golden tests: each case rebuilds an expression that {@code scripts/golden/core_goldens.py}
 * evaluated in float64 PyTorch 1.13, and compares the forward value and every input gradient with
 * the committed fixture under {@code src/test/resources/golden/<family>/<case>.safetensors}.
 */
package org.equireg.core.golden;
