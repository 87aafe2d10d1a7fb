package org.equireg.examples.digits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The progress line says which numbers come from the training batches and which from the test set. */
class DigitsTrainerTest {
    @Test
    void progressLineNamesTrainingAndTestNumbers() {
        assertEquals("epoch 2/8  train loss 0.512  train acc 84.4%  test equiv. error 3.142",
                DigitsTrainer.status(2, 8, 0.5123, 0.84375, 3.14159));
        assertEquals("epoch 1/8  train loss 2.300  train acc 10.0%  test equiv. error -",
                DigitsTrainer.status(1, 8, 2.3, 0.1, Double.NaN));
    }
}
